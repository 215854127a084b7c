using System.Runtime.CompilerServices;

namespace FeedbackCollector.Analysis;

/// <summary>Stop words for key phrases, on top of the common English words of the language profile.</summary>
internal static class StopWords
{
    /// <summary>
    /// This class's field initialisers run once, at start-up: compiled without optimisation (MinOpts), the
    /// JIT takes a fraction of the time a full optimisation of this long straight-line method takes (the CLI turns
    /// quick JIT off, so it would otherwise be fully optimised). See docs/analyzer.md, branch s12-speed.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoOptimization)]
    static StopWords()
    {
    }

    /// <summary>Words that never start, end or stand as a key phrase.</summary>
    public static readonly string[] Words =
    [
        "a", "an", "the", "and", "or", "but", "if", "so", "because", "as", "at", "by", "for", "from", "in", "into", "of",
        "on", "onto", "to", "with", "without", "about", "than", "then", "that", "this", "these", "those", "there", "here",
        "i", "me", "my", "mine", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "they", "them", "their",
        "it", "its", "who", "whom", "whose", "what", "which", "when", "where", "why", "how", "am", "is", "are", "was", "were",
        "be", "been", "being", "have", "has", "had", "do", "does", "did", "will", "would", "shall", "should", "can", "could",
        "may", "might", "must", "ought", "not", "no", "nor", "never", "dont", "didnt", "doesnt", "cant", "cannot", "couldnt",
        "wont", "wouldnt", "isnt", "wasnt", "arent", "werent", "havent", "hasnt", "hadnt", "shouldnt", "aint", "just", "only",
        "also", "too", "very", "really", "quite", "rather", "so", "such", "much", "many", "more", "most", "less", "least",
        "some", "any", "all", "every", "each", "both", "either", "neither", "other", "another", "same", "own", "lot", "lots",
        "bit", "kind", "sort", "thing", "things", "stuff", "something", "anything", "everything", "nothing", "someone",
        "anyone", "everyone", "somebody", "anybody", "everybody", "nobody", "one", "ones", "get", "gets", "got", "getting",
        "gotten", "go", "goes", "going", "went", "gone", "come", "comes", "came", "coming", "make", "makes", "made", "making",
        "take", "takes", "took", "taken", "say", "says", "said", "saying", "tell", "tells", "told", "know", "knows", "knew",
        "think", "thinks", "thought", "want", "wants", "wanted", "need", "needs", "needed", "like", "likes", "liked", "feel",
        "feels", "felt", "seem", "seems", "seemed", "try", "tries", "tried", "trying", "keep", "keeps", "kept", "let", "lets",
        "put", "see", "saw", "seen", "look", "looks", "looked", "give", "gives", "gave", "given", "use", "used", "ok", "yes",
        "well", "still", "even", "ever", "again", "always", "often", "sometimes", "usually", "now", "today", "yesterday",
        "tomorrow", "soon", "already", "yet", "once", "twice", "maybe", "perhaps", "probably", "actually", "basically",
        "literally", "honestly", "definitely", "obviously", "please", "thanks", "thank", "sorry", "hi", "hello", "dear",
        "oh", "um", "er", "like", "lol", "haha", "omg", "wtf", "ffs", "fml", "smh", "via", "per", "etc", "eg", "ie", "im",
        "ive", "youre", "theyre", "were", "weve", "theyve", "hes", "shes", "thats", "theres", "whats", "lets", "yall",
        "up", "down", "out", "off", "over", "under", "again", "back", "away", "around", "through", "during", "before",
        "after", "above", "below", "between", "while", "until", "since", "against", "among", "within", "along", "across",
        "mr", "mrs", "ms", "miss", "sir", "x", "xx", "xxx", "am", "pm", "day", "days", "week", "weeks", "month", "months",
        "year", "years", "time", "times", "way", "ways", "end", "right", "sure", "able", "unable", "lot", "whole",
        "first", "last", "next", "new", "old", "big", "little", "long", "high", "low", "real", "true", "said", "done",
        "doing", "does", "being", "bein", "gonna", "wanna", "gotta", "kinda", "sorta", "yeah", "nah", "yep", "nope",
    ];

    /// <summary>Common English words that are content words for key phrases.</summary>
    public static readonly HashSet<string> NotStop =
    [
        "help", "school", "worker", "social", "kids", "child", "children", "young", "mum", "dad", "family", "friends",
        "home", "work", "people", "talk", "listen", "listened", "good", "bad",
    ];

    /// <summary>Words too vague to be a key phrase on their own (fine inside a longer one).</summary>
    public static readonly string[] Generic =
    [
        "good", "bad", "great", "nice", "ok", "fine", "better", "worse", "best", "worst", "amazing", "brilliant", "awful",
        "terrible", "happy", "sad", "people", "person", "help", "helped", "helpful", "support", "supported", "work",
        "worked", "working", "talk", "talked", "talking", "listen", "listened", "listening", "care", "cared", "problem",
        "problems", "issue", "issues", "service", "services", "lovely", "fab", "kind", "really", "thank", "thanks", "feel",
        "felt", "hard", "easy", "difficult", "child", "children", "kids", "young", "mum", "dad", "family", "friends",
        "home", "love", "loved", "hate", "like", "want", "wish", "hope", "angry", "upset", "waiting", "wait", "waited",
        "point", "number", "idea", "reason", "fact", "case", "place", "side", "head", "situation", "experience",
    ];
}
