namespace FeedbackCollector.Core.Storage;

/// <summary>
/// Names of the tables, queues and container. Bound from configuration (root keys of the same names) so that tests can
/// use unique names; the queue names are also the Functions trigger binding expressions (<c>%AnalysisQueueName%</c>).
/// </summary>
public sealed class StorageNamesOptions
{
    /// <summary>Queue of response ids to analyse.</summary>
    public string AnalysisQueueName { get; set; } = "analysis";

    /// <summary>
    /// Queue of re-analysis work (a job id, or a job id and a batch number): the analysis queue's name with <c>-jobs</c>
    /// added, so it needs no setting of its own (the trigger binds <c>%AnalysisQueueName%-jobs</c>).
    /// </summary>
    public string ReanalysisQueueName => AnalysisQueueName + ReanalysisQueueSuffix;

    /// <summary>What the re-analysis queue's name adds to the analysis queue's.</summary>
    public const string ReanalysisQueueSuffix = "-jobs";

    /// <summary>Queue of concern ids to alert the safeguarding contact about.</summary>
    public string AlertsQueueName { get; set; } = "alerts";

    /// <summary>Prepended to every table name (letters and digits only).</summary>
    public string TablePrefix { get; set; } = "";

    /// <summary>Blob container of digests.</summary>
    public string DigestContainer { get; set; } = "digests";

    /// <summary>
    /// Blob container of the digest projection (the digests' container name with <c>-projection</c> added, so it needs no
    /// setting of its own).
    /// </summary>
    public string DigestProjectionContainer => DigestContainer + DigestProjectionSuffix;

    /// <summary>What the digest projection's container name adds to the digests' container name.</summary>
    public const string DigestProjectionSuffix = "-projection";

    /// <summary>The surveys table.</summary>
    public string SurveysTable => TablePrefix + "surveys";

    /// <summary>The responses table.</summary>
    public string ResponsesTable => TablePrefix + "responses";

    /// <summary>The role keys table.</summary>
    public string RoleKeysTable => TablePrefix + "rolekeys";

    /// <summary>The concerns table.</summary>
    public string ConcernsTable => TablePrefix + "concerns";

    /// <summary>The uploads ledger (notes and imports, by content hash).</summary>
    public string UploadsTable => TablePrefix + "uploads";

    /// <summary>The "You said, we did" actions table.</summary>
    public string ActionsTable => TablePrefix + "actions";

    /// <summary>The taxonomy versions edited by officers, and re-analysis jobs.</summary>
    public string TaxonomyTable => TablePrefix + "taxonomy";

    /// <summary>Every table, for creation at start.</summary>
    public IEnumerable<string> Tables => [SurveysTable, ResponsesTable, RoleKeysTable, ConcernsTable, UploadsTable, ActionsTable, TaxonomyTable];

    /// <summary>Every queue, with its poison queue, for creation at start.</summary>
    public IEnumerable<string> Queues =>
        [AnalysisQueueName, AnalysisQueueName + "-poison", ReanalysisQueueName, ReanalysisQueueName + "-poison", AlertsQueueName, AlertsQueueName + "-poison"];

    /// <summary>Problems with the names, empty when valid (Azure naming rules).</summary>
    public IEnumerable<string> Validate()
    {
        static bool QueueOk(string n, int max = 56) => n.Length >= 3 && n.Length <= max && n.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
                                          && char.IsAsciiLetterOrDigit(n[0]) && char.IsAsciiLetterOrDigit(n[^1]) && !n.Contains("--", StringComparison.Ordinal);
        // 63 is Azure's limit; "-poison" (7) and, for the analysis queue, "-jobs" (5) are added to the name.
        if (!QueueOk(AnalysisQueueName, 63 - 7 - ReanalysisQueueSuffix.Length))
        {
            yield return "AnalysisQueueName: 3 to 51 lower-case letters, digits and single inner hyphens.";
        }
        if (!QueueOk(AlertsQueueName))
        {
            yield return "AlertsQueueName: 3 to 56 lower-case letters, digits and single inner hyphens.";
        }
        if (TablePrefix.Length > 40 || !TablePrefix.All(char.IsAsciiLetterOrDigit) || (TablePrefix.Length > 0 && !char.IsAsciiLetter(TablePrefix[0])))
        {
            yield return "TablePrefix: letters and digits only, starting with a letter, at most 40.";
        }
        // 63 is Azure's limit; "-projection" (11) is added for the digest projection's container.
        if (!QueueOk(DigestContainer, 63 - DigestProjectionSuffix.Length))
        {
            yield return "DigestContainer: 3 to 52 lower-case letters, digits and single inner hyphens.";
        }
    }
}
