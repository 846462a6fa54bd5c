using System.Security.Claims;
using FieldReports.Reports;

namespace FieldReports.AspNetCore;

/// <summary>
/// Maps a signed-in principal to the FieldReports <see cref="Actor"/> it acts as. Replace it to read roles from a
/// province's own directory instead of claims.
/// </summary>
public interface IActorResolver
{
    /// <summary>Resolves the actor of a principal.</summary>
    /// <param name="user">The signed-in principal.</param>
    /// <returns>The actor and its province, or <see langword="null"/> when the principal is anonymous or carries no usable role.</returns>
    ResolvedActor? Resolve(ClaimsPrincipal user);
}
