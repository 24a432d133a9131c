// Offline after the first visit: the pages, the package, the packs and the examples are
// cached; every same-origin GET is answered from the network when it can be (and the cache
// refreshed), from the cache when it cannot. POSTs are never cached (the outbox keeps them).
const CACHE = 'fangkong-portal-v4';
const PRECACHE = [
  '/', '/index.html', '/filing.html', '/inspection.html', '/dashboard.html', '/workbench.html', '/favicon.svg',
  '/css/app.css', '/css/print.css', '/css/filing.css', '/css/inspection.css', '/css/dashboard.css', '/css/workbench.css',
  '/js/app.mjs', '/js/index.mjs', '/js/filing.mjs', '/js/inspection.mjs', '/js/dashboard.mjs', '/js/workbench.mjs',
  '/js/check-worker.mjs', '/js/batch-worker.mjs', '/js/worker-engines.mjs',
  '/pkg/fangkong.js', '/pkg/fangkong_bg.wasm', '/pkg/form.js',
  // The pack compiler (the workbench, custom packs in the workers).
  '/pkg/fangkong_compiler.js', '/pkg/fangkong_compiler_bg.wasm',
  '/packs/shenzhen-2020.json', '/packs/guangming-2020.json', '/packs/hangzhou-2020.json',
  '/examples/filings/workshop.json', '/examples/inspections/factory-worked.json',
  '/examples/indicators/guangming-district.json',
  '/vendor/echarts/echarts.min.js',
];

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // One missing file must not stop the others from being cached.
    await Promise.all(PRECACHE.map((u) => cache.add(u).catch(() => {})));
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
