using FeedbackCollector.Analysis.Text;

namespace FeedbackCollector.Analysis.Sentiment;

/// <summary>
/// Cues of how a text is said rather than what its words weigh, read by the sentiment model as whole-text features:
/// a request or suggestion ("there should be more...", "id like information on...", "would welcome a directory"),
/// which the conventions label neutral however many problem words it names; sarcasm ("thanks i guess 🙄"); a report
/// of what someone else said or what was found ("yp disclosed...", "the audit found..."), told without a word of the
/// writer's own; and whether the writer speaks as "I" or "we" at all. Hand scanning over the normalised words, no
/// allocation.
/// </summary>
internal static class SentimentCues
{
    /// <summary>Eye roll 🙄, unamused 😒, upside-down 🙃 and expressionless 😑: said after praise, they take it back.</summary>
    private static ReadOnlySpan<int> SarcasticEmoji => [0x1F644, 0x1F612, 0x1F643, 0x1F611];

    /// <summary>The cues of a text, in one pass over its normalised words.</summary>
    public static Cue Read(ReadOnlySpan<Token> tokens)
    {
        var cues = Cue.None;
        for (var i = 0; i < tokens.Length; i++)
        {
            var word = tokens[i].Word;
            if (word.Is(WordFlags.Emoji))
            {
                var e = word.Text;
                if (e.Length > 1 && char.IsSurrogatePair(e, 0) && SarcasticEmoji.Contains(char.ConvertToUtf32(e, 0)))
                {
                    cues |= Cue.Sarcasm;
                }
                continue;
            }
            switch (word.Text)
            {
                case "i":
                    cues |= Cue.FirstPerson;
                    // "i guess", "i suppose": lukewarm or grudging, rarely plain praise.
                    if (Next(tokens, i, 1) is "guess" or "suppose")
                    {
                        cues |= Cue.Grudging;
                    }
                    break;
                case "me" or "my" or "mine" or "myself" or "we" or "us" or "our" or "ours" or "ourselves":
                    cues |= Cue.FirstPerson;
                    break;
                case "please" or "suggest" or "suggestion" or "suggestions" or "recommendation" or "maybe" or "perhaps":
                    cues |= Cue.Request;
                    break;
                case "would" or "itd" or "wed" or "id":
                    if (word.Text is "id" or "wed")
                    {
                        cues |= Cue.FirstPerson;
                    }
                    // "would like", "would welcome", "would be nice if", "it would help to have".
                    if (Next(tokens, i, 1) is "like" or "love" or "welcome" or "appreciate" or "help" or "prefer" or "want"
                        || (Next(tokens, i, 1) == "be" && Next(tokens, i, 2) is "nice" or "good" or "great" or "helpful" or "useful" or "better" or "lovely" or "ideal"))
                    {
                        cues |= Cue.Request;
                    }
                    break;
                case "should" or "could" or "can":
                    // "there should be", "could we have", "can there be", "should be more".
                    if (Previous(tokens, i) == "there" || Next(tokens, i, 1) is "we" or "there" || (Next(tokens, i, 1) == "be" && Next(tokens, i, 2) == "more"))
                    {
                        cues |= Cue.Request;
                    }
                    break;
                case "need" or "needs":
                    // "there needs to be", "need more places to go".
                    if (Next(tokens, i, 1) == "more" || Previous(tokens, i) == "there")
                    {
                        cues |= Cue.Request;
                    }
                    break;
                case "how" or "what":
                    if (Next(tokens, i, 1) == "about")
                    {
                        cues |= Cue.Request;
                    }
                    break;
                case "more":
                    // A bare wish list: "more youth clubs", "more police round the park".
                    if (i == 0 || tokens[i - 1].Sentence != tokens[i].Sentence)
                    {
                        cues |= Cue.Request;
                    }
                    break;
                case "if":
                    if (Next(tokens, i, 1) == "there" && Next(tokens, i, 2) is "was" or "were")
                    {
                        cues |= Cue.Request;
                    }
                    break;
                case "yes":
                    if (Next(tokens, i, 1) == "right")
                    {
                        cues |= Cue.Sarcasm;
                    }
                    break;
                case "for":
                    // "thanks for nothing", "cheers for nothing".
                    if (Next(tokens, i, 1) == "nothing" && Previous(tokens, i) is "thanks" or "cheers" or "you")
                    {
                        cues |= Cue.Sarcasm;
                    }
                    break;
                case "disclosed" or "disclosure" or "disclosures" or "reported" or "reports" or "raised" or "referred"
                    or "referral" or "noted" or "observed" or "stated" or "found" or "identified" or "discussed" or "attended"
                    or "yp" or "cyp" or "yps" or "pupil" or "pupils" or "participants" or "attendees" or "members":
                    cues |= Cue.Report;
                    break;
            }
        }
        return cues;
    }

    /// <summary>The normalised word <paramref name="ahead"/> tokens after <paramref name="i"/> in its sentence, or null.</summary>
    private static string? Next(ReadOnlySpan<Token> tokens, int i, int ahead)
    {
        var k = i + ahead;
        return k < tokens.Length && tokens[k].Sentence == tokens[i].Sentence ? tokens[k].Word.Text : null;
    }

    /// <summary>The normalised word just before <paramref name="i"/> in its sentence, or null.</summary>
    private static string? Previous(ReadOnlySpan<Token> tokens, int i) =>
        i > 0 && tokens[i - 1].Sentence == tokens[i].Sentence ? tokens[i - 1].Word.Text : null;
}

/// <summary>Cues found by <see cref="SentimentCues.Read"/>.</summary>
[Flags]
internal enum Cue
{
    /// <summary>No cue.</summary>
    None = 0,

    /// <summary>Asks for or suggests something: "there should be more...", "id like...", "would welcome...".</summary>
    Request = 1,

    /// <summary>Takes praise back: an eye-roll emoji, "yeah right", "thanks for nothing".</summary>
    Sarcasm = 2,

    /// <summary>A hedge: "i guess", "i suppose".</summary>
    Grudging = 4,

    /// <summary>Reports what was disclosed, said or found, in case-note and forum-note words.</summary>
    Report = 8,

    /// <summary>The writer speaks as "I" or "we".</summary>
    FirstPerson = 16,
}
