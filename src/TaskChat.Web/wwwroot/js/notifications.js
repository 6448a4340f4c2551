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

/** Shows one reminder; the tag makes the same reminder from several open tabs one notification. */
export function show(id, title, url) {
    if (!supported() || Notification.permission !== 'granted') {
        return false;
    }
    const notification = new Notification('Reminder: ' + title, { tag: 'taskchat-reminder-' + id, body: 'TaskChat' });
    notification.addEventListener('click', () => {
        window.focus();
        window.location.assign(url);
        notification.close();
    });
    return true;
}
