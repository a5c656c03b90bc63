// Tether dashboard service worker: makes the dashboard installable, keeps its shell for a
// flaky network, and shows Web Push notifications. Never caches API answers or pages with data.
const SHELL = "tether-shell-v1";
const FILES = ["/dashboard/static/dashboard.js", "/dashboard/static/dashboard.css", "/dashboard/static/icon.svg"];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys().then((keys) => Promise.all(keys.filter((k) => k !== SHELL).map((k) => caches.delete(k)))));
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== location.origin || !url.pathname.startsWith("/dashboard/static/")) return;
  // Network first, so a new build shows at once; the cache only covers being offline.
  event.respondWith(fetch(event.request).then((response) => {
    const copy = response.clone();
    caches.open(SHELL).then((cache) => cache.put(event.request, copy));
    return response;
  }).catch(() => caches.match(event.request)));
});

self.addEventListener("push", (event) => {
  let data = {};
  try { data = event.data ? event.data.json() : {}; } catch (err) { data = { body: event.data.text() }; }
  // Only a page of this relay opens on tap (the answer link), never another site.
  let url = "/dashboard/";
  try {
    const target = new URL(String(data.url || "/dashboard/"), location.origin);
    if (target.origin === location.origin) url = target.pathname + target.search;
  } catch (err) { /* no link: the dashboard */ }
  event.waitUntil(self.registration.showNotification(data.title || "Tether", {
    body: data.body || "A session is waiting for you.", icon: "/dashboard/static/icon-192.png", data: { url },
  }));
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  event.waitUntil(self.clients.openWindow(event.notification.data.url || "/dashboard/"));
});
