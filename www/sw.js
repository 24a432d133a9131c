// Offline after the first visit to any page: the pages, the package, the packs and every
// example a page fetches are cached at install. The list is not written here: it is
// /offline.json (files, and examples under /examples/), the same list the pages take their
// examples from, so a page cannot fetch what the service worker did not keep. Every
// same-origin GET is answered from the network when it can be (and the cache refreshed),
// from the cache when it cannot. POSTs are never cached (the outbox keeps them).
const CACHE = 'fangkong-portal-v6';
const MANIFEST = '/offline.json';

/** Every URL to precache, from the manifest. */
async function precacheList() {
  const manifest = await (await fetch(MANIFEST, { cache: 'no-cache' })).json();
  return [...manifest.files, ...manifest.examples.map(([, path]) => `/examples/${path}`)];
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const list = await precacheList(); // no manifest: the install fails, and is tried again next visit
    // One missing file must not stop the others from being cached.
    await Promise.all(list.map((u) => cache.add(u).catch(() => {})));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const fresh = await fetch(request);
      if (fresh.ok) cache.put(request, fresh.clone());
      return fresh;
    } catch (err) {
      const cached = await cache.match(request, { ignoreSearch: true });
      if (cached) return cached;
      throw err;
    }
  })());
});
