namespace FeedbackCollector.Core.Analysis;

/// <summary>Who wrote a text. The wire form is kebab-case: <c>child</c>, <c>parent</c>, <c>practitioner</c>, <c>forum-notes</c>.</summary>
public enum Audience
{
    /// <summary>Not known (for example a CLI line without an audience).</summary>
    Unknown = 0,
    /// <summary>A child or young person.</summary>
    Child,
    /// <summary>A parent or carer.</summary>
    Parent,
    /// <summary>A practitioner (social worker, teacher, nurse, police officer...).</summary>
    Practitioner,
    /// <summary>A point from a youth-forum session's notes.</summary>
    ForumNotes,
}
