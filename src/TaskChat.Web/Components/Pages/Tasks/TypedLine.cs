using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace TaskChat.Web.Components.Pages.Tasks;

/// <summary>
/// Empties a box whose text the server has just used (the add box's task, a row's new tag) in the browser, not by
/// rendering "" from here. On a slow connection the user is already typing the next one when the answer comes: an empty
/// value rendered now would reach the browser after those keys and wipe them, and clearing only when nothing was typed
/// since (as before) left the next line stuck to the one added ("Pay rentWater the plants"). The browser takes the used
/// text from the front of what the box holds and tells the binding what is left (app.js, takeFromFront), as the chat's
/// composer does after Send.
/// </summary>
internal static class TypedLine
{
    /// <summary>False when the box no longer starts with <paramref name="used"/> (cleared or changed by the user), or is gone.</summary>
    public static async Task<bool> TakeFromFrontAsync(IJSRuntime js, ElementReference box, string used)
    {
        try
        {
            return await js.InvokeAsync<bool>("taskChat.takeFromFront", box, used.Trim());
        }
        catch (JSDisconnectedException)
        {
            return false; // The page is gone: there is no box left to empty.
        }
    }
}
