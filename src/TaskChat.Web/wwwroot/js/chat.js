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
    // The earlier messages are read when their button comes into view (the thread scrolled to its top), as chat apps do;
    // the button stays for the keyboard and for a thread too short to scroll.
    const watchEarlier = clickWhenSeen(thread, '[data-earlier]', '200px 0px 0px 0px');
    // The newest message as last seen: a change elsewhere (earlier messages above, their button's "Loading…") is nothing
    // new to come down for.
    const newest = () => {
        const last = thread.lastElementChild;
        return { last, text: last ? last.textContent : '' };
    };
    let seen = newest();
    const onChange = () => {
        const now = newest();
        if (keptInPlace(thread)) {
            // Earlier messages went in above: the reader stays where they were.
        } else if (pinned) {
            toBottom();
        } else if (now.last !== seen.last || now.text !== seen.text) {
            container.classList.add('has-unseen');
        }
        seen = now;
        watchEarlier();
    };
    new MutationObserver(onChange).observe(thread, { childList: true, subtree: true, characterData: true });
    new ResizeObserver(onChange).observe(thread);
    button.addEventListener('click', () => toBottom());
    toBottom();
}

/**
 * Clicks the button matching `selector` inside the scrolling `root` when it comes within `rootMargin` of being seen
 * (the list scrolled to where it waits), as chat apps load more by themselves. The button stays for the keyboard, and
 * is disabled while it loads, so a click it already had is not repeated. Returns the function to call when `root`'s
 * content changed (the button may have come, gone or been replaced).
 */
function clickWhenSeen(root, selector, rootMargin) {
    let watched = null;
    const seen = new IntersectionObserver(entries => {
        const button = entries[entries.length - 1];
        if (button.isIntersecting && !button.target.disabled && button.target.isConnected) {
            button.target.click();
        }
    }, { root, rootMargin });
    return () => {
        const button = root.querySelector(selector);
        if (button !== watched) {
            if (watched) {
                seen.unobserve(watched);
            }
            watched = button;
            if (button) {
                seen.observe(button);
            }
        }
    };
}

/**
 * The conversation list's next page is read when its "Show more" comes into view at the list's end (the panel scrolled
 * down, or opened on a phone), as the thread's earlier messages are.
 */
export function loadMoreAtEnd(panel) {
    if (!panel) {
        return; // The page was left before its first render reached here.
    }
    const watch = clickWhenSeen(panel, '[data-more]', '0px 0px 200px 0px');
    new MutationObserver(watch).observe(panel, { childList: true, subtree: true });
    watch();
}

const holds = new WeakMap();

/**
 * Called just before messages are put in above the first one shown: the next change of `thread` that moves that message
 * (the render that puts them in) scrolls it back to where it was on screen. Given up after a few seconds, so that a hold
 * whose render never came cannot move the thread later.
 */
export function holdPlace(thread) {
    const anchor = thread?.querySelector('.chat-message');
    if (anchor) {
        holds.set(thread, { anchor, top: anchor.getBoundingClientRect().top, until: performance.now() + 5000 });
    }
}

/** Applies holdPlace's hold if this change moved its message; true when it did (the change was the earlier messages). */
function keptInPlace(thread) {
    const hold = holds.get(thread);
    if (!hold) {
        return false;
    }
    if (!hold.anchor.isConnected || performance.now() > hold.until) {
        holds.delete(thread);
        return false;
    }
    const moved = hold.anchor.getBoundingClientRect().top - hold.top;
    if (moved === 0) {
        return false; // Another change (the button's "Loading…", a reply's text): the messages are still to come.
    }
    holds.delete(thread);
    thread.scrollTop += moved;
    return true;
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
