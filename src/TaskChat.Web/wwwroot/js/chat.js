// The chat thread's behaviour that must not wait for a server round trip: keeping the newest
// message in view while the reply streams, and keeping the composer's draft across a reload.

const nearBottom = 48; // px: "at the bottom" allows for rounding and a last line half shown

/**
 * Keeps `thread` scrolled to the bottom as messages arrive and text streams in, unless the user
 * scrolled up to read: then `container` gets the class has-unseen (which shows the "new messages"
 * button) until they come back down or press it.
 */
export function followThread(thread, container, button) {
    if (!thread || !container || !button) {
        return; // The page was left before its first render reached here (a quick click on Tasks): nothing to follow.
    }
    let pinned = true;
    const atBottom = () => thread.scrollHeight - thread.scrollTop - thread.clientHeight <= nearBottom;
    const toBottom = () => {
        thread.scrollTop = thread.scrollHeight;
        pinned = true;
        container.classList.remove('has-unseen');
    };
    thread.addEventListener('scroll', () => {
        pinned = atBottom();
        if (pinned) {
            container.classList.remove('has-unseen');
        }
    }, { passive: true });
    const onChange = () => {
        if (pinned) {
            toBottom();
        } else {
            container.classList.add('has-unseen');
        }
    };
    new MutationObserver(onChange).observe(thread, { childList: true, subtree: true, characterData: true });
    new ResizeObserver(onChange).observe(thread);
    button.addEventListener('click', () => toBottom());
    toBottom();
}

/** Saves what is typed into `input` under `key` for this tab; returns what was saved before (a reload). */
export function keepDraft(input, key) {
    if (!input) {
        return ''; // The page is already gone.
    }
    input.addEventListener('input', () => setDraft(key, input.value));
    try {
        return sessionStorage.getItem(key) || '';
    } catch {
        return '';
    }
}

/** Removes the message just sent from the front of the composer, keeping what was typed after Enter (app.js's takeFromFront). */
export function clearSent(input, key, sent) {
    if (input && window.taskChat.takeFromFront(input, sent)) {
        setDraft(key, input.value);
    }
}

/**
 * Puts the caret in the composer once the chat is ready, unless the user has already put the focus somewhere
 * of their own (Rename, a conversation, a task) while the page was loading: a focus they chose wins. Untouched
 * means nothing focused, the composer itself, or the page's heading (where a navigation puts the focus for a
 * screen reader, FocusHeadingOnNavigate).
 */
export function focusWhenReady(input) {
    if (!input || !input.isConnected) {
        return; // The page was left before it was ready.
    }
    const active = document.activeElement;
    if (!active || active === document.body || active === input || active.matches('h1')) {
        input.focus();
    }
}

/** Keeps `text` under `key` for this tab (a draft, or the turn on its way); '' removes it. */
export function setDraft(key, text) {
    try {
        if (text) {
            sessionStorage.setItem(key, text);
        } else {
            sessionStorage.removeItem(key);
        }
    } catch {
        // Storage refused (private mode, quota): it just does not survive a reload.
    }
}

/** What this tab kept under `key` (setDraft writes it), or '' when nothing is kept or storage is refused. */
export function recall(key) {
    try {
        return sessionStorage.getItem(key) || '';
    } catch {
        return '';
    }
}
