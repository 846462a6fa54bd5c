using System.Security.Claims;
using FieldReports.Accounts;
using FieldReports.Reports;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FieldReports.AspNetCore;

/// <summary>
/// The actor of the current request, resolved once per request: the <see cref="IActorResolver"/> reads the principal, and,
/// when the host registered an <see cref="IStaffDirectory"/>, a staff principal's account is read from it, so that a
/// disabled or deleted account acts as nobody and the role and agency are the directory's, not the cookie's or token's,
/// from the very next request on.
/// </summary>
internal sealed class ActorResolution(IActorResolver resolver, IOptionsMonitor<FieldReportsAspNetCoreOptions> options)
{
    private static readonly object Key = new();

    /// <summary>Resolves the request's actor, reading the directory when one applies; cached for the rest of the request.</summary>
    public async ValueTask<ResolvedActor?> ResolveAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Items.TryGetValue(Key, out var cached) && cached is Entry entry && ReferenceEquals(entry.User, http.User))
        {
            return entry.Actor;
        }

        var resolved = resolver.Resolve(http.User);
        if (resolved is not null && DirectoryOf(http, resolved) is { } directory)
        {
            var account = await directory.FindAsync(resolved.Actor.AccountId, http.RequestAborted).ConfigureAwait(false);
            resolved = account is null || account.IsDisabled || !StaffAccountService.IsStaffRole(account.Role)
                || (account.Role == ActorRole.HandlingStaff && string.IsNullOrWhiteSpace(account.AgencyId))
                ? null
                : new ResolvedActor(new Actor(account.Role, resolved.Actor.AccountId, account.Role == ActorRole.HandlingStaff ? account.AgencyId : null), account.ProvinceId);
        }

        http.Items[Key] = new Entry(http.User, resolved);
        return resolved;
    }

    /// <summary>
    /// The actor <see cref="ResolveAsync"/> resolved for this request. Every FieldReports endpoint resolves it before its
    /// handler runs; should nothing have, a staff principal the directory governs acts as nobody rather than as its claims say.
    /// </summary>
    public ResolvedActor? Current(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Items.TryGetValue(Key, out var cached) && cached is Entry entry && ReferenceEquals(entry.User, http.User))
        {
            return entry.Actor;
        }

        var resolved = resolver.Resolve(http.User);
        return resolved is not null && DirectoryOf(http, resolved) is not null ? null : resolved;
    }

    private IStaffDirectory? DirectoryOf(HttpContext http, ResolvedActor resolved)
    {
        if (resolved.Actor.Role is ActorRole.Reporter or ActorRole.System)
        {
            return null;
        }

        var type = options.CurrentValue.StaffDirectoryAuthenticationType;
        if (type is not null && !http.User.Identities.Any(i => i.IsAuthenticated && string.Equals(i.AuthenticationType, type, StringComparison.Ordinal)))
        {
            return null;
        }

        return http.RequestServices.GetService<IStaffDirectory>();
    }

    private sealed record Entry(ClaimsPrincipal User, ResolvedActor? Actor);
}

/// <summary>The FieldReports actor of a request, for a host's own pages and endpoints.</summary>
public static class FieldReportsHttpContextExtensions
{
    /// <summary>
    /// The actor the signed-in user acts as on this request, as the FieldReports endpoints see it: read through the
    /// <see cref="IActorResolver"/> and, for staff, the host's <see cref="IStaffDirectory"/> when one is registered (a
    /// disabled account is nobody; role and agency are the directory's). Read once per request.
    /// </summary>
    /// <param name="http">The request.</param>
    /// <returns>The actor and its province, or <see langword="null"/> when the user acts as nobody.</returns>
    public static ValueTask<ResolvedActor?> GetFieldReportsActorAsync(this HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.RequestServices.GetRequiredService<ActorResolution>().ResolveAsync(http);
    }
}
