using System.Collections.Immutable;

namespace FieldReports.Reports;

/// <summary>
/// An action on an existing report, applied with <see cref="Report.Apply(ReportCommand, Actor, NodaTime.Instant)"/>.
/// Each command names its <see cref="Trigger"/>, validates its own arguments, and says what it records in the audit trail.
/// </summary>
public abstract record ReportCommand
{
    /// <summary>The longest free text (reason, answer, result) a command accepts, in UTF-16 code units.</summary>
    public const int MaxTextLength = 8000;

    private protected ReportCommand()
    {
    }

    /// <summary>The workflow trigger this command fires.</summary>
    public abstract ReportTrigger Trigger { get; }

    /// <summary>The free text recorded in the audit trail (a reason, answer or result), if any.</summary>
    internal virtual string? Note => null;

    /// <summary>Checks the command's own arguments, independent of the report.</summary>
    internal virtual DomainError? Validate() => ValidateText(Note, required: false, "note");

    /// <summary>Structured data recorded in the audit trail.</summary>
    internal virtual ImmutableSortedDictionary<string, string> Data => ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>Applies the command's data to the report; called only once every check has passed.</summary>
    internal virtual void ApplyTo(Report report)
    {
    }

    private protected static DomainError? ValidateText(string? text, bool required, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return required ? ErrorCodes.Errors.CommandArgumentRequired(name) : null;
        }

        return text.Length > MaxTextLength ? ErrorCodes.Errors.CommandArgumentTooLong(name, MaxTextLength) : null;
    }

    private protected static DomainError? ValidateId(string? id, string name)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return ErrorCodes.Errors.CommandArgumentRequired(name);
        }

        return id.Length > 200 ? ErrorCodes.Errors.CommandArgumentTooLong(name, 200) : null;
    }

    private protected static ImmutableSortedDictionary<string, string> DataOf(params (string Key, string? Value)[] items)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in items)
        {
            if (value is not null)
            {
                builder[key] = value;
            }
        }

        return builder.ToImmutable();
    }
}
