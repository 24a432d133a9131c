// A form whose inputs are named by the JSON Pointer of their value, as a filing object.
// Blank inputs are left out: the engine reports them as missing, never as 0 or "".
export function formToFiling(form) {
  const filing = {};
  for (const { name, type, value } of form.elements) {
    if (!name?.startsWith('/') || value.trim() === '') continue;
    const keys = name.slice(1).split('/');
    const last = keys.pop();
    let node = filing;
    for (const key of keys) node = node[key] ??= {};
    node[last] = type === 'number' ? Number(value) : value;
  }
  return filing;
}
