using System.Runtime.InteropServices;
using FeedbackCollector.Analysis.Text;

namespace FeedbackCollector.Analysis.Themes;

/// <summary>
/// The word features of one text (<see cref="TextFeatures.AddWords(ReadOnlySpan{Token}, List{Feature}, FeatureHashSet)"/>), built at most once and read by both linear
/// models: the theme model and the sentiment model start their features with the same words of the same tokens, so
/// the analyzer builds them once per text instead of twice. A pure function of the tokens: a model that copies them
/// reads exactly what building them itself would give, in the same order.
/// </summary>
internal sealed class WordFeatures
{
    private readonly List<Feature> _features = new(256);
    private readonly FeatureHashSet _seen = new();
    private bool _built;

    /// <summary>Forgets the features of the previous text; call before each new text (or new tokens).</summary>
    public void Reset()
    {
        _built = false;
    }

    /// <summary>The word features of <paramref name="tokens"/>, built on the first call after <see cref="Reset"/>.</summary>
    public ReadOnlySpan<Feature> Of(ReadOnlySpan<Token> tokens)
    {
        if (!_built)
        {
            _features.Clear();
            _seen.Clear();
            TextFeatures.AddWords(tokens, _features, _seen);
            _built = true;
        }

        return CollectionsMarshal.AsSpan(_features);
    }
}
