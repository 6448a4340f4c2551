// Browser notifications for reminders (a module: the Content-Security-Policy allows no inline script).

function supported() {
    return 'Notification' in window;
}

/** 'granted', 'denied', 'default' (not asked yet) or 'unsupported'. */
export function permission() {
    return supported() ? Notification.permission : 'unsupported';
}

/**
 * Asks for permission from the button's own click listener: browsers grant the prompt only to a
 * click the user just made, and a round trip over the Blazor circuit could outlast that. Reports
 * the answer to the component.
 */
export function bindEnableButton(button, component) {
    button.addEventListener('click', async () => {
        const answer = supported() ? await Notification.requestPermission() : 'unsupported';
        await component.invokeMethodAsync('PermissionChanged', answer);
    });
}

/**
 * Shows one reminder as a browser notification when allowed (the tag makes the same reminder from several open tabs
 * one notification). Returns whether the user could see it: a notification was shown, or this tab is in front (its
 * toast is on screen). One nobody could see is sent by email a minute later, unless this tab comes to the front while
 * its toast is still there (watchFront).
 */
export function show(id, title, url) {
    const inFront = document.visibilityState === 'visible';
    if (!supported() || Notification.permission !== 'granted') {
        return inFront;
    }
    let notification;
    try {
        notification = new Notification('Reminder: ' + title, { tag: 'taskchat-reminder-' + id, body: 'TaskChat' });
    } catch {
        return inFront; // Android's Chrome allows notifications from a service worker only: the toast is what shows.
    }
    notification.addEventListener('click', () => {
        window.focus();
        window.location.assign(url);
        notification.close();
    });
    return true;
}

/**
 * Tells the component each time this tab comes to the front, so that a toast shown while it was in the background
 * counts as seen from then on. Returns a handle whose stop() removes the listener (the component's dispose calls it).
 */
export function watchFront(component) {
    const listener = () => {
        if (document.visibilityState === 'visible') {
            component.invokeMethodAsync('CameToFront').catch(() => { /* the circuit is gone */ });
        }
    };
    document.addEventListener('visibilitychange', listener);
    return { stop: () => document.removeEventListener('visibilitychange', listener) };
}
