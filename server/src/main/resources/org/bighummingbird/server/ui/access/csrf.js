// Adds the page's CSRF token (from <meta name="csrf-token">) to every htmx request as
// X-CSRF-Token, so that htmx POSTs pass the server's CSRF check. Served as a file: the
// Content-Security-Policy allows no inline script.
document.addEventListener('htmx:configRequest', function (event) {
  var meta = document.querySelector('meta[name="csrf-token"]');
  if (meta && meta.content) {
    event.detail.headers['X-CSRF-Token'] = meta.content;
  }
});
