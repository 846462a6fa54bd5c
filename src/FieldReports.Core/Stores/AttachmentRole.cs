namespace FieldReports.Stores;

/// <summary>Why an attachment was uploaded, which decides whether the evidence cleanup may remove it.</summary>
public enum AttachmentRole
{
    /// <summary>Sent with the report (the citizen's photos and videos). Never removed by the evidence cleanup.</summary>
    Report = 0,

    /// <summary>
    /// Uploaded by handling staff as evidence of a result and not yet found cited by one. Removed by the evidence cleanup
    /// once no result can cite it any more (see <see cref="IAttachmentStore.ListEvidenceToReviewAsync"/>) unless a
    /// result did.
    /// </summary>
    Evidence = 1,

    /// <summary>Evidence the cleanup found cited by a result of its report: kept with the report like its own attachments.</summary>
    RetainedEvidence = 2,
}
