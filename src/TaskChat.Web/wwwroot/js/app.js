// Loaded on every page with <script src> (no inline script: the Content-Security-Policy forbids it).

// A form that only the Blazor circuit handles (the composer, add task, rename) must never submit
// natively: with the circuit lost, the browser would navigate to the same URL and, with the web
// down, show its own error page and throw the typed text away. Listening on window runs after
// Blazor's own listener on the document, which still receives the event.
window.addEventListener('submit', event => {
    if (event.target instanceof HTMLFormElement && event.target.hasAttribute('data-circuit-form')) {
        event.preventDefault();
    }
});

// The reconnect banner's buttons (the banner itself is Blazor's reconnect UI, styled in app.css).
document.addEventListener('click', event => {
    const button = event.target instanceof Element ? event.target.closest('[data-reconnect-action]') : null;
    if (!button) {
        return;
    }
    if (button.getAttribute('data-reconnect-action') === 'retry' && window.Blazor && window.Blazor.reconnect) {
        window.Blazor.reconnect();
    } else {
        location.reload();
    }
});
