// The page's service worker: after the first visit the page and its engine work offline.
// On install it caches every file of the built page (precache.json, written by `make site`);
// then each request goes to the network first (a rebuilt page is never stale) and falls back to
// the cached copy when the network fails, refreshing the copy whenever it succeeds.

const CACHE = 'rooftop-pv';

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const files = await (await fetch('precache.json', { cache: 'no-cache' })).json();
      await cache.addAll(files);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      try {
        const res = await fetch(req);
        if (res.ok) await cache.put(req, res.clone());
        return res;
      } catch (err) {
        const hit = await cache.match(req, { ignoreSearch: true });
        if (hit) return hit;
        // a page address with a #s= link or ?lang=: the page itself
        if (req.mode === 'navigate') {
          const page = await cache.match('./');
          if (page) return page;
        }
        throw err;
      }
    })(),
  );
});
