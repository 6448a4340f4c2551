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

// A textarea marked data-enter-sends (the chat's composer): Enter sends its form, Shift+Enter is a new line, as in the
// messaging apps people know. A key that ends a word in an input method (Japanese, Chinese...) is not a send: the
// browser says so with isComposing (keyCode 229 in the older ones). requestSubmit goes through the form's submit event,
// which Blazor handles after the keystrokes before it, and which the listener above keeps from submitting natively.
document.addEventListener('keydown', event => {
    const field = event.target;
    if (!(field instanceof HTMLTextAreaElement) || !field.hasAttribute('data-enter-sends') || event.key !== 'Enter'
        || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey || event.isComposing || event.keyCode === 229) {
        return;
    }
    event.preventDefault();
    field.form?.requestSubmit();
});

// Keys that take the focus to a field, as in the mail and task apps people know: "/" the tasks' search, "n" the new
// task's box (the fields say so with aria-keyshortcuts, and the search box shows "/" on screens with a keyboard). Not
// while typing in a field, nor with a modifier (Ctrl+N is the browser's new window), nor into a disabled field.
document.addEventListener('keydown', event => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing || event.defaultPrevented || isTypingIn(event.target)) {
        return;
    }
    const field = document.querySelector(`[data-shortcut="${CSS.escape(event.key)}"]`);
    if (!(field instanceof HTMLInputElement) || field.disabled) {
        return;
    }
    event.preventDefault();
    field.focus();
});

function isTypingIn(target) {
    if (!(target instanceof HTMLElement)) {
        return false;
    }
    if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) {
        return true;
    }
    return target instanceof HTMLInputElement
        && !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
}

// Such a textarea grows with its lines up to its max-height (CSS field-sizing does it where the browser has it).
if (!(window.CSS && CSS.supports('field-sizing', 'content'))) {
    document.addEventListener('input', event => {
        const field = event.target;
        if (field instanceof HTMLTextAreaElement && field.hasAttribute('data-enter-sends')) {
            field.style.height = 'auto';
            field.style.height = field.scrollHeight + 'px';
        }
    });
}

// The add box's marks (the words read as a date, tags...) lie behind its input: they scroll with it, so that a line
// longer than the box still has its marks under its words. Scroll does not bubble, hence the capture.
const followAddLine = event => {
    const input = event.target;
    if (input instanceof HTMLInputElement && input.hasAttribute('data-add-line')) {
        const marks = input.parentElement && input.parentElement.querySelector('[data-add-marks]');
        if (marks) {
            marks.scrollLeft = input.scrollLeft;
        }
    }
};
for (const type of ['input', 'scroll', 'keyup', 'focusin', 'select']) {
    document.addEventListener(type, followAddLine, true);
}

// After a navigation the page's heading takes the focus (FocusHeadingOnNavigate: a screen reader then
// reads where the user landed), but never from a field the user is typing in: on a page's first
// interactive render the heading's turn comes a moment after the fields are enabled, and it took the
// keys of anyone who had started typing.
window.taskChat = Object.assign(window.taskChat || {}, {
    // A task's row is about to go (deleted): the focus moves to the next task's checkbox, else the one before, else the
    // new-task field, so a keyboard user carries on from where they were instead of from the top of the page.
    focusAfterRow(rowId) {
        const row = document.getElementById(rowId);
        const neighbour = row && (row.nextElementSibling || row.previousElementSibling);
        const target = (neighbour && neighbour.querySelector('[data-testid="task-toggle"]')) || document.querySelector('[data-testid="new-task-title"]');
        if (target instanceof HTMLElement) {
            target.focus();
        }
    },

    // A task the undo bar brought back (reopened, or added again): its checkbox takes the focus once the list shows it,
    // since the Undo button that had it is gone. The list re-renders a moment after the call: asked again for a second.
    // Waits for the row as the change left it (its box ticked or not, `checked`): a list loaded before the change can
    // still be on screen, with the row in the other group, and the focus given there was lost when the row moved
    // (seen in CI under load: after Undo of a completion, the focus was nowhere).
    focusTask(rowId, checked = null, until = performance.now() + 10000) {
        const target = Array.from(document.querySelectorAll(`#${CSS.escape(rowId)} [data-testid="task-toggle"]`))
            .find(toggle => toggle instanceof HTMLInputElement && (checked === null || toggle.checked === checked));
        if (target) {
            target.focus();
        } else if (performance.now() < until) {
            requestAnimationFrame(() => window.taskChat.focusTask(rowId, checked, until));
        }
    },

    // A link to a task (/tasks#task-N: the chat's side list, a reminder) once its row is in the list: scrolled to the
    // middle of the list's scrolling area (main, not the document: the shell stays put) and marked for a moment, as
    // GitHub marks the line a link points at. The row came after the page loaded (the list loads once interactive), so the
    // browser's own jump to the fragment found nothing. False when the row is not in the page.
    showTask(rowId) {
        const row = document.getElementById(rowId);
        if (!(row instanceof HTMLElement)) {
            return false;
        }
        // At once, as a fragment jumps: the mark is what draws the eye (and it fades only where motion is welcome, app.css).
        row.scrollIntoView({ block: 'center' });
        // An attribute, not a class: the row's class is Blazor's, and its next render would take a class away.
        row.removeAttribute('data-linked');
        void row.offsetWidth; // The mark starts over when the same link is followed again.
        row.setAttribute('data-linked', '');
        clearTimeout(row.linkedTimer);
        row.linkedTimer = setTimeout(() => row.removeAttribute('data-linked'), 3000);
        return true;
    },

    // Text the server has used (a task added, a tag added, a message sent) taken from the front of its field in the
    // browser, keeping what was typed after it: on a slow connection the next line is already being typed when the
    // answer comes, and an empty value rendered by the server would wipe those keys. Blazor's binding is told what is
    // left (an input event). False when the field no longer starts with the text (cleared, or changed by the user).
    takeFromFront(field, text) {
        if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) {
            return false;
        }
        const value = field.value.trimStart();
        if (!value.startsWith(text)) {
            return false;
        }
        field.value = value.slice(text.length).trimStart();
        field.dispatchEvent(new Event('input', { bubbles: true }));
        return true;
    },

    focusHeading(selector) {
        const active = document.activeElement;
        if (active instanceof HTMLElement && (active.matches('input, textarea, select') || active.isContentEditable)) {
            return;
        }
        const heading = document.querySelector(selector);
        if (heading instanceof HTMLElement) {
            if (!heading.hasAttribute('tabindex')) {
                heading.tabIndex = -1; // Focusable from script only, not a tab stop.
            }
            heading.focus({ preventScroll: true });
        }
    },
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

// The browser's IANA time zone (e.g. "Europe/Paris"), for the sign-up form's hidden field and the
// account page's "use this device's zone". The server checks it (anything else becomes UTC).
function browserTimeZone() {
    try {
        return Intl.DateTimeFormat().resolvedOptions().timeZone || '';
    } catch {
        return '';
    }
}

function applyBrowserTimeZone() {
    const zone = browserTimeZone();
    if (!zone) {
        return;
    }
    document.querySelectorAll('input[data-browser-time-zone]').forEach(input => {
        input.value = zone;
    });
    // The account page offers the detected zone when it differs from the stored one.
    document.querySelectorAll('[data-detected-time-zone]').forEach(offer => {
        if (offer.getAttribute('data-current-time-zone') === zone) {
            return;
        }
        const button = offer.querySelector('button');
        const label = offer.querySelector('[data-detected-label]');
        if (button && label) {
            button.value = zone;
            label.textContent = zone.replaceAll('_', ' ');
            offer.hidden = false;
        }
    });
}

// On first load, after Blazor's enhanced navigation patches in a page, and at the last moment before
// a form is posted (capture phase: before the browser collects the form's fields).
document.addEventListener('DOMContentLoaded', () => {
    applyBrowserTimeZone();
    if (window.Blazor && typeof window.Blazor.addEventListener === 'function') {
        window.Blazor.addEventListener('enhancedload', applyBrowserTimeZone);
    }
});
document.addEventListener('submit', applyBrowserTimeZone, true);

// "Forgot your password?" takes the email already typed on the sign-in form along to the next page (capture phase:
// before Blazor's enhanced navigation reads the link). Without script the link still leads there, the field empty.
document.addEventListener('click', event => {
    const link = event.target instanceof Element ? event.target.closest('a[data-carries-email]') : null;
    const email = link ? link.closest('main')?.querySelector('input[type=email]')?.value.trim() : '';
    if (link && email) {
        link.href = '/forgot-password?email=' + encodeURIComponent(email);
    }
}, true);
