using System.Globalization;
using FeedbackCollector.Core;
using FeedbackCollector.Core.Analysis;
using FeedbackCollector.Core.Digests;
using FeedbackCollector.Core.Notes;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Surveys;

namespace FeedbackCollector.Digest;

/// <summary>
/// Builds the digest model of a period. Pure: it is given the responses of the period and of the previous period (one
/// at a time, so a large quarter is folded into counts as it streams in rather than held whole), the surveys, the
/// actions and the concern counts, and it reads no clock. Responses may come in any order: every list is sorted with
/// ordinal comparisons and every tie is broken by id, so the same data always gives the same model.
/// </summary>
public sealed class DigestBuilder
{
    /// <summary>The default title.</summary>
    public const string DefaultTitle = "Voice of the child digest";

    /// <summary>Quotes longer than this are not used: a quote is cut by nobody.</summary>
    public const int MaxQuoteLength = 400;

    /// <summary>Quotes per leading theme, at most.</summary>
    public const int QuotesPerTheme = 3;

    /// <summary>Leading themes per audience.</summary>
    public const int LeadingThemes = 3;

    /// <summary>Rising key phrases listed, at most.</summary>
    public const int RisingPhrasesListed = 10;

    /// <summary>How quotes are chosen, for the method note.</summary>
    public const string QuoteRule =
        "Quotes are taken from redacted text only, never from a response flagged as a possible safeguarding concern, and never when the text " +
        "may still hold personal data (an email or web address, a handle, a long number or a postcode). For each leading theme of an audience with " +
        "at least 5 responses, the two or three most typical answers are quoted: those whose key phrases and theme evidence are most shared by " +
        "the theme's other answers (ties broken by response id).";

    private static readonly Audience[] AudienceOrder = [Audience.Child, Audience.Parent, Audience.Practitioner, Audience.ForumNotes, Audience.Unknown];

    private readonly DigestPeriod _period;
    private readonly string _title;
    private readonly Dictionary<string, Survey> _surveys;
    private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);
    // Theme ids already counted for the response being added: a handful, so a list compares faster than a set hashes.
    private readonly List<string> _seen = [];

    // Key phrases and theme evidence, normalised, as numbers: each distinct text once in _vocab. Counting and comparing
    // numbers costs no string hashing, and quote features become small int arrays.
    private readonly Dictionary<string, int> _rawIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _vocabIds = new(StringComparer.Ordinal);
    private readonly List<string> _vocab = [];
    private readonly List<byte> _vocabFlags = [];
    private readonly List<int> _ids = [];
    private int[] _phraseNow = new int[256];
    private int[] _phrasePrev = new int[256];
    private const byte NonEmpty = 1, Countable = 2;

    private int _total, _analysed, _withText, _heldBack;
    private readonly int[] _byAudience = new int[AudienceOrder.Length];
    private readonly int[] _byChannel = new int[Enum.GetValues<Channel>().Length];
    private readonly Dictionary<string, int> _bySurvey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _byVenue = new(StringComparer.Ordinal);
    private readonly Dictionary<AnalyzerInfo, int> _analyzers = [];
    private readonly Dictionary<string, ThemeTally> _themes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ClosedSlot?[]> _closedSlots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int? Participants, string? Ages)> _sessions = new(StringComparer.Ordinal);
    private readonly List<Comment> _comments = [];
    private readonly List<ActionRecord> _actions = [];

    private int _prevTotal, _prevWithText;
    private readonly Dictionary<string, int> _prevThemes = new(StringComparer.Ordinal);

    private sealed class ThemeTally
    {
        public int Count;
        public readonly int[] Sentiment = new int[4];
        public readonly int[] ByAudience = new int[AudienceOrder.Length];
        public readonly Dictionary<string, int> Labels = new(StringComparer.Ordinal);
        public readonly List<Candidate>[] Candidates = new List<Candidate>[AudienceOrder.Length];
    }

    /// <summary>An answer that may be quoted for a theme, with its features (key phrases and the theme's evidence, as numbers).</summary>
    private readonly record struct Candidate(Comment Comment, int[] Features);

    /// <summary>The answers to one closed question: how many answered, and how often each value was given.</summary>
    private sealed class ClosedSlot
    {
        public int Answered;
        public readonly Dictionary<string, int> Tally = new(StringComparer.Ordinal);
    }

    private sealed record Comment(int Audience, DateTimeOffset ReceivedUtc, string ResponseId, string QuestionId, string Text, string[] ThemeIds);

    /// <summary>
    /// Starts a digest of <paramref name="period"/>; <paramref name="surveys"/> give the surveys their titles and the closed
    /// questions their wording (the <see cref="BuiltInSurveys"/> are added when missing).
    /// </summary>
    public DigestBuilder(DigestPeriod period, IEnumerable<Survey> surveys, string? title = null)
    {
        _period = period;
        _title = string.IsNullOrWhiteSpace(title) ? DefaultTitle : DigestText.Clean(title);
        // The built-in surveys (forum session notes) are stored nowhere: added here so they are named whatever store the surveys came from.
        _surveys = BuiltInSurveys.AddTo(surveys).ToDictionary(s => s.Code, StringComparer.Ordinal);
        foreach (var survey in _surveys.Values)
        {
            // One slot per closed question, in question order; questions sharing an id share a slot.
            var slots = new ClosedSlot?[survey.Questions.Count];
            var byId = new Dictionary<string, ClosedSlot>(StringComparer.Ordinal);
            for (var i = 0; i < slots.Length; i++)
            {
                var q = survey.Questions[i];
                if (q.Kind != QuestionKind.FreeText)
                {
                    slots[i] = byId.TryGetValue(q.Id, out var shared) ? shared : byId[q.Id] = new ClosedSlot();
                }
            }
            _closedSlots[survey.Code] = slots;
        }
    }

    /// <summary>Adds the previous period's <paramref name="response"/>: only its theme and key-phrase counts are kept.</summary>
    public void AddPrevious(SurveyResponse response)
    {
        _prevTotal++;
        if (response.Analysis is not { Texts.Count: > 0 } a)
        {
            return;
        }
        _prevWithText++;
        _seen.Clear();
        foreach (var t in a.Texts)
        {
            // An officer's correction wins over the analyzer (SurveyResponse.ThemesOf).
            foreach (var m in response.ThemesOf(t))
            {
                if (FirstTime(m.ThemeId))
                {
                    Increment(_prevThemes, m.ThemeId);
                }
            }
        }
        if (!Flagged(a))
        {
            _phrasePrev = CountPhrases(a, _phrasePrev);
        }
    }

    /// <summary>Adds "You said, we did" actions recorded for the period.</summary>
    public void AddActions(IEnumerable<ActionRecord> actions) => _actions.AddRange(actions);

    /// <summary>Adds a response received in the period.</summary>
    public void Add(SurveyResponse response)
    {
        _total++;
        var audience = AudienceIndex(response.Audience);
        _byAudience[audience]++;
        _byChannel[(int)response.Channel]++;
        _bySurvey[response.SurveyCode] = _bySurvey.GetValueOrDefault(response.SurveyCode) + 1;
        var venue = response.Venue ?? "";
        _byVenue[venue] = _byVenue.GetValueOrDefault(venue) + 1;
        AddClosed(response);
        if (response.Channel == Channel.ForumNotes && response.Provenance is { } prov)
        {
            AddSession(response, prov);
        }
        if (response.Analysis is not { } a)
        {
            return;
        }
        _analysed++;
        _analyzers[a.Analyzer] = _analyzers.GetValueOrDefault(a.Analyzer) + 1;
        if (a.Texts.Count == 0)
        {
            return;
        }
        _withText++;
        var flagged = Flagged(a);

        // A response counts once per theme, with the sentiment of its first answer that carries the theme.
        _seen.Clear();
        foreach (var t in a.Texts)
        {
            // An officer's correction wins over the analyzer (SurveyResponse.ThemesOf).
            foreach (var m in response.ThemesOf(t))
            {
                if (!FirstTime(m.ThemeId))
                {
                    continue;
                }
                var tally = Tally(m.ThemeId);
                tally.Count++;
                tally.ByAudience[audience]++;
                tally.Sentiment[SentimentIndex(t.Result.Sentiment.Label)]++;
                tally.Labels[m.Label] = tally.Labels.GetValueOrDefault(m.Label) + 1;
            }
        }
        if (!flagged)
        {
            _phraseNow = CountPhrases(a, _phraseNow);
        }

        foreach (var t in a.Texts)
        {
            var text = DigestText.Clean(t.Result.RedactedText);
            if (flagged || text.Length == 0)
            {
                continue;
            }
            if (!DigestText.LooksClean(text))
            {
                _heldBack++;
                continue;
            }
            var themes = response.ThemesOf(t);
            var themeIds = new string[themes.Count];
            for (var k = 0; k < themeIds.Length; k++)
            {
                themeIds[k] = Intern(themes[k].ThemeId);
            }
            var comment = new Comment(audience, response.ReceivedUtc, response.Id, t.QuestionId, text, themeIds);
            _comments.Add(comment);
            if (text.Length > MaxQuoteLength)
            {
                continue;
            }
            foreach (var m in themes)
            {
                _ids.Clear();
                AddFeatures(t.Result.KeyPhrases);
                AddFeatures(m.Evidence);
                var list = Tally(m.ThemeId).Candidates[audience] ??= [];
                list.Add(new Candidate(comment, [.. _ids]));
            }
        }
    }

    /// <summary>Builds the model, with suppression applied once for every format.</summary>
    /// <param name="concernsRaised">Possible concerns raised from responses received in the period.</param>
    /// <param name="concernsReviewed">Of those, how many the safeguarding lead has reviewed.</param>
    public DigestModel Build(int concernsRaised, int concernsReviewed)
    {
        var previous = _period.Previous;
        var (responses, audienceCells) = Suppressor.Group(_total, _byAudience);
        var byAudience = AudienceOrder.Select((a, i) => (a, i))
            .Where(x => x.a != Audience.Unknown || _byAudience[x.i] > 0)
            .Select(x => new CountRow(FeedbackJson.WireName(x.a), Format.AudienceLabel(x.a), audienceCells[x.i])).ToList();
        var channels = Enum.GetValues<Channel>();
        var (_, channelCells) = Suppressor.Group(_total, _byChannel);
        var byChannel = channels.Select((c, i) => new CountRow(FeedbackJson.WireName(c), ChannelLabel(c), channelCells[i])).ToList();
        var bySurvey = Rows(_bySurvey, k => _surveys.TryGetValue(k, out var s) ? DigestText.Clean(s.Title) : k, noneLabel: null);
        var byVenue = Rows(_byVenue, k => k, noneLabel: "No venue given");
        var (_, methodCells) = Suppressor.Group(_total, [_analysed, _total - _analysed]);
        var withText = Suppressor.One(_withText);
        var prevWithText = Suppressor.One(_prevWithText);

        var ranked = _themes.Select(kv => (Id: kv.Key, Tally: kv.Value))
            .OrderByDescending(t => t.Tally.Count).ThenBy(t => t.Id, StringComparer.Ordinal).ToList();
        var refs = ranked.ToDictionary(t => t.Id, t => new ThemeRef(t.Id, LabelOf(t.Id, t.Tally)), StringComparer.Ordinal);
        var rankOf = ranked.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var actions = _actions
            .OrderBy(a => rankOf.GetValueOrDefault(a.ThemeId, int.MaxValue)).ThenBy(a => a.ThemeId, StringComparer.Ordinal)
            .ThenBy(a => a.Quarter).ThenBy(a => a.RecordedUtc).ThenBy(a => a.Id, StringComparer.Ordinal)
            .Select(a => new ActionItem(refs.GetValueOrDefault(a.ThemeId) ?? new ThemeRef(a.ThemeId, a.ThemeId), a.Quarter.ToString(), DigestText.Clean(a.YouSaid), DigestText.Clean(a.WeDid)))
            .ToList();
        var themes = ranked.Select((t, i) => ThemeRowOf(i + 1, refs[t.Id], t.Tally, withText, prevWithText, actions)).ToList();

        var audiences = new List<AudienceSection>();
        for (var i = 0; i < AudienceOrder.Length; i++)
        {
            if (_byAudience[i] == 0)
            {
                continue;
            }
            var leading = ranked.Where(t => t.Tally.ByAudience[i] > 0)
                .OrderByDescending(t => t.Tally.ByAudience[i]).ThenBy(t => t.Id, StringComparer.Ordinal)
                .Take(LeadingThemes)
                .Select(t =>
                {
                    var count = Suppressor.One(t.Tally.ByAudience[i]);
                    var (quotes, ids) = count.Shown ? Representative(t.Tally.Candidates[i]) : ([], []);
                    return new LeadingTheme(refs[t.Id], count, quotes) { QuoteResponseIds = ids };
                }).ToList();
            audiences.Add(new AudienceSection(AudienceOrder[i], SectionTitle(AudienceOrder[i]), audienceCells[i], leading,
                AudienceOrder[i] == Audience.ForumNotes ? ForumSummaryOf() : null));
        }

        var commentThemes = themes.Where(t => t.Count.Shown).Select(t => t.Theme).ToList();
        var columnIds = commentThemes.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var kept = SortedComments(audienceCells);
        var audienceLabels = AudienceOrder.Select(Format.AudienceLabel).ToArray();
        // Usually every theme has a column; only when some are hidden must each comment's themes be checked.
        var allColumns = columnIds.Count == _themes.Count;
        var comments = new List<CommentRow>(kept.Length);
        foreach (var c in kept)
        {
            var ids = allColumns || AllIn(c.ThemeIds, columnIds) ? c.ThemeIds : c.ThemeIds.Where(columnIds.Contains).ToArray();
            comments.Add(new CommentRow(comments.Count + 1, audienceLabels[c.Audience], c.Text, ids));
        }

        var analyzers = _analyzers.OrderBy(kv => kv.Key.Name, StringComparer.Ordinal).ThenBy(kv => kv.Key.Version, StringComparer.Ordinal)
            .ThenBy(kv => kv.Key.TaxonomyVersion, StringComparer.Ordinal)
            .Select(kv => new CountRow($"{kv.Key.Name}/{kv.Key.Version}/{kv.Key.TaxonomyVersion}",
                $"{DigestText.Clean(kv.Key.Name)} {DigestText.Clean(kv.Key.Version)}, taxonomy {DigestText.Clean(kv.Key.TaxonomyVersion)}", Suppressor.One(kv.Value)))
            .ToList();

        return new DigestModel
        {
            Title = _title,
            Period = new PeriodInfo(_period.Key, _period.Label, _period.FromUtc, _period.ToUtc, previous.Key, previous.Label),
            Responses = responses,
            PreviousResponses = Suppressor.One(_prevTotal),
            ByAudience = byAudience,
            BySurvey = bySurvey,
            ByVenue = byVenue,
            ByChannel = byChannel,
            Themes = themes,
            Audiences = audiences,
            RisingPhrases = Rising(),
            ClosedQuestions = ClosedQuestions(),
            Actions = actions,
            Method = new MethodNote(analyzers, methodCells[0], methodCells[1], withText,
                Suppressor.One(concernsRaised), Suppressor.One(concernsReviewed), Suppressor.One(_heldBack), Suppressor.Rule, QuoteRule),
            CommentThemes = commentThemes,
            Comments = comments,
        };
    }

    /// <summary>Builds a digest from whole lists (tests, small periods).</summary>
    public static DigestModel Build(DigestPeriod period, IEnumerable<Survey> surveys, IEnumerable<SurveyResponse> current, IEnumerable<SurveyResponse> previous,
        IEnumerable<ActionRecord> actions, int concernsRaised, int concernsReviewed, string? title = null)
    {
        var b = new DigestBuilder(period, surveys, title);
        foreach (var r in current)
        {
            b.Add(r);
        }
        foreach (var r in previous)
        {
            b.AddPrevious(r);
        }
        b.AddActions(actions);
        return b.Build(concernsRaised, concernsReviewed);
    }

    private ThemeRow ThemeRowOf(int rank, ThemeRef theme, ThemeTally t, Count withText, Count prevWithText, List<ActionItem> actions)
    {
        var count = Suppressor.One(t.Count);
        var (_, s) = Suppressor.Group(t.Count, t.Sentiment);
        var prevCount = _prevThemes.GetValueOrDefault(theme.Id);
        var previous = Suppressor.One(prevCount);
        double? share = count.Shown && withText.Shown && _withText > 0 ? (double)t.Count / _withText : null;
        var hasPrevious = _prevWithText > 0;
        double? change = share is { } sh && hasPrevious && previous.Shown && prevWithText.Shown
            ? (sh - ((double)prevCount / _prevWithText)) * 100
            : null;
        return new ThemeRow(rank, theme, count, share, previous, change, hasPrevious && prevCount == 0, new SentimentSplit(s[0], s[1], s[2], s[3]),
            actions.Where(a => a.Theme.Id == theme.Id).ToList())
        {
            HasPrevious = hasPrevious,
        };
    }

    /// <summary>
    /// The most typical answers of a theme: each scores the mean, over the theme's other answers, of the share of its
    /// features (key phrases and evidence) that the other answer also has; highest first, ties by id; no repeats.
    /// </summary>
    private (List<string> Quotes, List<string> ResponseIds) Representative(List<Candidate>? candidates)
    {
        if (candidates is null || candidates.Count == 0)
        {
            return ([], []);
        }
        // How many of the theme's answers have each feature: an array by feature number, zeroed again before returning.
        var df = _df.Length >= _vocab.Count ? _df : _df = new int[_vocab.Count];
        foreach (var c in candidates)
        {
            foreach (var f in c.Features)
            {
                df[f]++;
            }
        }
        var others = Math.Max(1, candidates.Count - 1);
        var scores = new double[candidates.Count];
        for (var i = 0; i < scores.Length; i++)
        {
            var features = candidates[i].Features;
            var shared = 0;
            foreach (var f in features)
            {
                shared += df[f] - 1;
            }
            scores[i] = features.Length == 0 ? 0 : shared / (double)(features.Length * others);
        }
        // A large theme has tens of thousands of candidates and only three are quoted: keep the best few in order rather
        // than sort them all. Texts may repeat, so keep a margin; when the margin is used up by repeats, sort them all.
        var best = new List<int>(Shortlist + 1);
        for (var i = 0; i < scores.Length; i++)
        {
            if (best.Count == Shortlist && Better(best[^1], i, candidates, scores))
            {
                continue;
            }
            var at = best.Count;
            while (at > 0 && Better(i, best[at - 1], candidates, scores))
            {
                at--;
            }
            best.Insert(at, i);
            if (best.Count > Shortlist)
            {
                best.RemoveAt(Shortlist);
            }
        }
        foreach (var c in candidates)
        {
            foreach (var f in c.Features)
            {
                df[f] = 0;
            }
        }
        var quotes = PickDistinct(best, candidates);
        if (quotes.Quotes.Count < QuotesPerTheme && best.Count < candidates.Count)
        {
            var all = Enumerable.Range(0, candidates.Count).ToArray();
            Array.Sort(all, (x, y) => Better(x, y, candidates, scores) ? -1 : Better(y, x, candidates, scores) ? 1 : x.CompareTo(y));
            quotes = PickDistinct(all, candidates);
        }
        return quotes;
    }

    private int[] _df = [];

    /// <summary>
    /// The comments of audiences whose count is shown, by audience, then time received, then response and question id.
    /// Sorted on one number (audience and time) with the few ties then sorted by id: no comparison delegate per pair.
    /// </summary>
    private Comment[] SortedComments(Count[] audienceCells)
    {
        var kept = _comments.Where(c => audienceCells[c.Audience].Shown).ToArray();
        if (kept.Length == 0)
        {
            return kept;
        }
        var min = long.MaxValue;
        foreach (var c in kept)
        {
            min = Math.Min(min, c.ReceivedUtc.UtcTicks);
        }
        // Audience in the top bits, ticks since the earliest comment below: 2^58 ticks is over 900 years.
        var keys = new long[kept.Length];
        for (var i = 0; i < kept.Length; i++)
        {
            var offset = kept[i].ReceivedUtc.UtcTicks - min;
            if (offset >= 1L << 58)
            {
                Array.Sort(kept, CompareComments);
                return kept;
            }
            keys[i] = ((long)kept[i].Audience << 58) | offset;
        }
        Array.Sort(keys, kept);
        for (int start = 0, end; start < kept.Length; start = end)
        {
            end = start + 1;
            while (end < kept.Length && keys[end] == keys[start])
            {
                end++;
            }
            if (end - start > 1)
            {
                Array.Sort(kept, start, end - start, Comparer<Comment>.Create(CompareComments));
            }
        }
        return kept;
    }

    private static int CompareComments(Comment x, Comment y) =>
        x.Audience != y.Audience ? x.Audience.CompareTo(y.Audience)
        : x.ReceivedUtc != y.ReceivedUtc ? x.ReceivedUtc.CompareTo(y.ReceivedUtc)
        : string.CompareOrdinal(x.ResponseId, y.ResponseId) is var byId and not 0 ? byId
        : string.CompareOrdinal(x.QuestionId, y.QuestionId);

    /// <summary>Adds <paramref name="themeId"/> to <see cref="_seen"/>; false when it was there.</summary>
    private bool FirstTime(string themeId)
    {
        foreach (var id in _seen)
        {
            if (string.Equals(id, themeId, StringComparison.Ordinal))
            {
                return false;
            }
        }
        _seen.Add(themeId);
        return true;
    }

    private static bool AllIn(string[] ids, HashSet<string> set)
    {
        foreach (var id in ids)
        {
            if (!set.Contains(id))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Whether any answer was flagged as a possible concern (<see cref="ResponseAnalysis.ConcernFlagged"/>, without LINQ).</summary>
    private static bool Flagged(ResponseAnalysis a)
    {
        foreach (var t in a.Texts)
        {
            if (t.Result.Concern.Flagged)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Candidates kept in order while choosing quotes: the quotes and a margin for repeated texts.</summary>
    private const int Shortlist = QuotesPerTheme * 8;

    /// <summary>Whether candidate <paramref name="x"/> ranks before <paramref name="y"/>: higher score, then id, then question.</summary>
    private static bool Better(int x, int y, List<Candidate> candidates, double[] scores)
    {
        if (scores[x] != scores[y])
        {
            return scores[x] > scores[y];
        }
        Comment a = candidates[x].Comment, b = candidates[y].Comment;
        var byId = string.CompareOrdinal(a.ResponseId, b.ResponseId);
        return byId != 0 ? byId < 0 : string.CompareOrdinal(a.QuestionId, b.QuestionId) < 0;
    }

    /// <summary>The first <see cref="QuotesPerTheme"/> distinct texts of <paramref name="ranked"/>, with the response each came from.</summary>
    private static (List<string> Quotes, List<string> ResponseIds) PickDistinct(IEnumerable<int> ranked, List<Candidate> candidates)
    {
        var quotes = new List<string>(QuotesPerTheme);
        var ids = new List<string>(QuotesPerTheme);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var i in ranked)
        {
            var comment = candidates[i].Comment;
            if (seen.Add(comment.Text))
            {
                quotes.Add(comment.Text);
                ids.Add(comment.ResponseId);
                if (quotes.Count == QuotesPerTheme)
                {
                    break;
                }
            }
        }
        return (quotes, ids);
    }

    private List<PhraseRow> Rising()
    {
        if (_withText == 0)
        {
            return [];
        }
        var list = new List<(string Phrase, int Now, int Before, double Rise)>();
        for (var id = 0; id < _vocab.Count; id++)
        {
            var now = id < _phraseNow.Length ? _phraseNow[id] : 0;
            if (now < Suppressor.Threshold)
            {
                continue;
            }
            var before = id < _phrasePrev.Length ? _phrasePrev[id] : 0;
            var rise = (double)now / _withText - (_prevWithText == 0 ? 0 : (double)before / _prevWithText);
            if (rise > 0)
            {
                list.Add((_vocab[id], now, before, rise));
            }
        }
        return list
            .OrderByDescending(x => x.Rise).ThenByDescending(x => x.Now).ThenBy(x => x.Phrase, StringComparer.Ordinal)
            .Take(RisingPhrasesListed)
            .Select(x => new PhraseRow(x.Phrase, Suppressor.One(x.Now), Suppressor.One(x.Before)))
            .ToList();
    }

    private List<ClosedQuestion> ClosedQuestions()
    {
        var list = new List<ClosedQuestion>();
        foreach (var code in _bySurvey.Keys.Order(StringComparer.Ordinal))
        {
            if (!_surveys.TryGetValue(code, out var survey))
            {
                continue;
            }
            var slots = _closedSlots[code];
            for (var k = 0; k < survey.Questions.Count; k++)
            {
                var q = survey.Questions[k];
                var options = OptionsOf(q);
                if (options is null || slots[k] is not { } slot)
                {
                    continue;
                }
                var counts = options.Select(o => slot.Tally.GetValueOrDefault(o.Value)).ToList();
                var answered = slot.Answered;
                var several = q.Kind == QuestionKind.MultipleChoice;
                Count total;
                Count[] cells;
                if (several)
                {
                    total = Suppressor.One(answered);
                    cells = counts.Select(Suppressor.One).ToArray();
                }
                else
                {
                    (total, cells) = Suppressor.Group(answered, counts);
                }
                list.Add(new ClosedQuestion(code, DigestText.Clean(survey.Title), q.Id, DigestText.Clean(q.Text), FeedbackJson.WireName(q.Kind), total, several,
                    options.Select((o, i) => new CountRow(o.Value, o.Label, cells[i])).ToList()));
            }
        }
        return list;
    }

    private static List<(string Value, string Label)>? OptionsOf(Question q) => q.Kind switch
    {
        QuestionKind.EmojiScale => [("1", "Very unhappy"), ("2", "Unhappy"), ("3", "Okay"), ("4", "Happy"), ("5", "Very happy")],
        QuestionKind.YesNotSureNo => [("yes", "Yes"), ("not-sure", "Not sure"), ("no", "No")],
        QuestionKind.SingleChoice or QuestionKind.MultipleChoice or QuestionKind.AgeBand => q.Options.Select(o => (o.Id, DigestText.Clean(o.Text))).ToList(),
        _ => null,
    };

    private void AddClosed(SurveyResponse r)
    {
        if (r.Answers.Count == 0 || !_surveys.TryGetValue(r.SurveyCode, out var survey))
        {
            return;
        }
        var slots = _closedSlots[survey.Code];
        for (var i = 0; i < slots.Length; i++)
        {
            if (slots[i] is not { } slot || !r.Answers.TryGetValue(survey.Questions[i].Id, out var values) || values.Count == 0)
            {
                continue;
            }
            slot.Answered++;
            var tally = slot.Tally;
            // Each value once per response, without a set per answer (answers hold one value, or a few).
            for (var k = 0; k < values.Count; k++)
            {
                var v = values[k];
                var repeat = false;
                for (var j = 0; j < k && !repeat; j++)
                {
                    repeat = string.Equals(values[j], v, StringComparison.Ordinal);
                }
                if (!repeat)
                {
                    Increment(tally, v);
                }
            }
        }
    }

    private void AddSession(SurveyResponse r, Provenance prov)
    {
        var key = prov.Source + "\u001F" + prov.Session;
        int? participants = r.Answers.TryGetValue(NotesUploadHandler.ParticipantsAnswerId, out var p) && p.Count == 1
                            && int.TryParse(p[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        var ages = r.Answers.TryGetValue(NotesUploadHandler.AgeRangeAnswerId, out var a) && a.Count == 1 ? a[0] : null;
        var had = _sessions.GetValueOrDefault(key);
        _sessions[key] = (had.Participants ?? participants, had.Ages ?? ages);
    }

    private ForumSummary ForumSummaryOf()
    {
        int? min = null, max = null;
        foreach (var (_, ages) in _sessions.Values)
        {
            if (NotesUploadHandler.TryParseAgeRange(ages, out var lo, out var hi))
            {
                min = Math.Min(min ?? lo, lo);
                max = Math.Max(max ?? hi, hi);
            }
        }
        var people = _sessions.Values.Sum(s => s.Participants ?? 0);
        var span = min is null ? null : min == max ? min.Value.ToString(CultureInfo.InvariantCulture) : $"{min}\u2013{max}";
        return new ForumSummary(Suppressor.One(_sessions.Count), Suppressor.One(people), span);
    }

    private static List<CountRow> Rows(Dictionary<string, int> counts, Func<string, string> label, string? noneLabel)
    {
        var keys = counts.Keys.Where(k => k.Length > 0).Order(StringComparer.Ordinal).ToList();
        if (counts.ContainsKey("") && noneLabel is not null)
        {
            keys.Add("");
        }
        var (_, cells) = Suppressor.Group(counts.Values.Sum(), keys.Select(k => counts[k]).ToList());
        return keys.Select((k, i) => new CountRow(k, k.Length == 0 ? noneLabel! : label(k), cells[i])).ToList();
    }

    private ThemeTally Tally(string id)
    {
        if (!_themes.TryGetValue(id, out var t))
        {
            _themes[Intern(id)] = t = new ThemeTally();
        }
        return t;
    }

    /// <summary>Counts each key phrase of a response once in <paramref name="counts"/> (by phrase number; grown as needed).</summary>
    private int[] CountPhrases(ResponseAnalysis a, int[] counts)
    {
        _ids.Clear();
        foreach (var t in a.Texts)
        {
            foreach (var k in t.Result.KeyPhrases)
            {
                var id = IdOf(k);
                // Placeholders of redacted data are not phrases anyone said.
                if ((_vocabFlags[id] & Countable) != 0 && !_ids.Contains(id))
                {
                    _ids.Add(id);
                }
            }
        }
        if (_vocab.Count > counts.Length)
        {
            Array.Resize(ref counts, Math.Max(_vocab.Count, counts.Length * 2));
        }
        foreach (var id in _ids)
        {
            counts[id]++;
        }
        return counts;
    }

    /// <summary>Adds the numbers of <paramref name="items"/> to <see cref="_ids"/>, each once, none for an empty text.</summary>
    private void AddFeatures(IReadOnlyList<string> items)
    {
        foreach (var item in items)
        {
            var id = IdOf(item);
            if ((_vocabFlags[id] & NonEmpty) != 0 && !_ids.Contains(id))
            {
                _ids.Add(id);
            }
        }
    }

    private static void Increment(Dictionary<string, int> counts, string key)
    {
        ref var c = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _);
        c++;
    }

    /// <summary>The number of a phrase once cleaned and lower-cased; the same number for every text that normalises alike.</summary>
    private int IdOf(string s)
    {
        if (_rawIds.TryGetValue(s, out var id))
        {
            return id;
        }
        var n = DigestText.Clean(s).ToLowerInvariant();
        if (!_vocabIds.TryGetValue(n, out id))
        {
            id = _vocab.Count;
            _vocabIds[n] = id;
            _vocab.Add(n);
            _vocabFlags.Add((byte)((n.Length > 0 ? NonEmpty : 0) | (n.Length is > 0 and <= 60 && !n.Contains('[', StringComparison.Ordinal) ? Countable : 0)));
        }
        // Bound the cache of raw texts: a quarter of hostile, all-distinct phrases must not hold them all twice.
        if (_rawIds.Count < 200_000)
        {
            _rawIds[s] = id;
        }
        return id;
    }

    private string Intern(string s)
    {
        if (_pool.TryGetValue(s, out var existing))
        {
            return existing;
        }
        _pool[s] = s;
        return s;
    }

    private static string LabelOf(string id, ThemeTally t) =>
        t.Labels.Count == 0 ? id : DigestText.Clean(t.Labels.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key);

    private static int AudienceIndex(Audience a) => Array.IndexOf(AudienceOrder, a) is var i and >= 0 ? i : AudienceOrder.Length - 1;

    private static int SentimentIndex(SentimentLabel l) => l switch
    {
        SentimentLabel.Positive => 0,
        SentimentLabel.Neutral => 1,
        SentimentLabel.Negative => 2,
        _ => 3,
    };

    private static string ChannelLabel(Channel c) => c switch
    {
        Channel.Web => "Web",
        Channel.Qr => "QR code",
        Channel.ForumNotes => "Forum notes",
        _ => "Import",
    };

    private static string SectionTitle(Audience a) => a switch
    {
        Audience.Child => "What children and young people told us",
        Audience.Parent => "What parents and carers told us",
        Audience.Practitioner => "What practitioners told us",
        Audience.ForumNotes => "What forum sessions told us",
        _ => "What others told us",
    };
}
