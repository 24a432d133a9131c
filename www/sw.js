// Offline after the first visit to any page: the pages, the package, the packs and every
// example a page fetches are cached at install. The list is not written here: it is
// /offline.json (files, and examples under /examples/), the same list the pages take their
// examples from, so a page cannot fetch what the service worker did not keep. Every
// same-origin GET is answered from the network when it can be (and the cache refreshed),
// from the cache when it cannot, or (a page) when the network has not answered within 3 s. POSTs are never cached (the outbox keeps them).
const CACHE = 'fangkong-portal-v8';
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

// How long a page waits for the network before it takes the cached copy: on a weak network
// (a request that hangs rather than fails) a page visited before opens as fast as offline (portal
// audit, thirty-ninth session: 20–120 s to open with every file cached). Only a page (a
// navigation) is raced: once one was served from the cache, the files it loads for the next
// 30 s come from the cache too, all of one version; a page that came from the network loads its
// files from the network, so a page never runs modules of two versions (review: a slow
// `app.mjs` of the old version ran beside the new `filing.mjs`). The network's answer, when it
// comes, still refreshes the cache for the next visit.
const NETWORK_WAIT_MS = 3000;
const WEAK_FOR_MS = 30_000;
let weakUntil = 0;

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  // The copy for the cache is taken before anyone reads the body; the response goes out at once.
  let saving = Promise.resolve();
  const network = fetch(request).then((fresh) => {
    if (fresh.ok) {
      const copy = fresh.clone();
      saving = caches.open(CACHE).then((cache) => cache.put(request, copy));
    }
    return fresh;
  });
  event.waitUntil(network.then(() => saving).catch(() => {}));
  event.respondWith((async () => {
    const cached = await (await caches.open(CACHE)).match(request, { ignoreSearch: true });
    if (!cached) return network;
    if (Date.now() < weakUntil) return cached;
    if (request.mode !== 'navigate') return network.catch(() => cached);
    let timer;
    const late = new Promise((resolve) => {
      timer = setTimeout(() => {
        weakUntil = Date.now() + WEAK_FOR_MS;
        resolve(cached);
      }, NETWORK_WAIT_MS);
    });
    try {
      return await Promise.race([network, late]);
    } catch {
      return cached;
    } finally {
      clearTimeout(timer);
    }
  })());
});
