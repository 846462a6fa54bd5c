using Microsoft.EntityFrameworkCore;

namespace FieldReports.Storage.EF;

/// <summary>Creates the DbContext the stores were configured with, whatever its type.</summary>
internal sealed class StorageContext(Func<CancellationToken, Task<DbContext>> create)
{
    public Func<CancellationToken, Task<DbContext>> Create { get; } = create;
}
