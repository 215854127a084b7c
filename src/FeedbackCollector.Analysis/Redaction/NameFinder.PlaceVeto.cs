namespace FeedbackCollector.Analysis.Redaction;

/// <summary>
/// The model's place veto: a capitalised word no name list holds, right after "in", "near", "outside" and the like, or
/// coordinated with a known place ("found twice in Hallam Cross", "outside Leominster", "between Shropshire and Powys",
/// "moving from Derby to Ormby"), names a place; people are met "with" someone, not "in" them. Not a possessive ("in
/// Kai's room").
/// </summary>
internal static partial class NameFinder
{
    private static bool IsBuildingWord(string text, Token t)
    {
        var w = text.AsSpan(t.Start, t.BaseLength);
        return w is "Court" or "House" or "Lodge" or "Tower" or "Towers" or "Road" or "Street" or "Lane" or "Avenue" or "Close" or "Drive"
            or "Estate" or "Gardens" or "Grove" or "Mews" or "Place" or "Heights" or "Crescent" or "Terrace" or "Way" or "View" or "Park" or "Hall";
    }

    private static bool PlaceBefore(string text, List<Token> tokens, int i)
    {
        var t = tokens[i];
        if (i == 0 || !t.Joined || t.Has(WordFlags.Name | WordFlags.WordName) || t.BaseLength != t.Length)
        {
            return false;
        }

        var p = tokens[i - 1];
        if (p.Is(CueWord.In) || IsOneOf(text, p, PlacePrepositions))
        {
            // "our flat in Hillcrest Court": a building's or street's name is an address, which the model may still mark.
            return !(i + 1 < tokens.Count && tokens[i + 1].Joined && tokens[i + 1].Capitalised && IsBuildingWord(text, tokens[i + 1]));
        }

        // "Shropshire and Powys", "from Derby to Ormby": a known place two words back, across "and", "or" or "to".
        return i >= 2 && p.Joined && (p.Is(CueWord.And) || p.Is(CueWord.To) || IsWord(text, p, "or"))
            && PlaceWords.IsPlace(text.AsSpan(tokens[i - 2].Start, tokens[i - 2].BaseLength));
    }

    /// <summary>
    /// "my pc lowe battery": a word after a lower-case "pc" that a determiner or possessive takes (a computer, not a
    /// constable). The rules read a rank only in its capitals (<see cref="IsRankBefore"/>); the model must not read it otherwise.
    /// </summary>
    private static bool ComputerBefore(string text, List<Token> tokens, int i)
    {
        if (i < 2 || !tokens[i].Joined || !tokens[i - 1].Joined || tokens[i - 1].Length != 2 || !text.AsSpan(tokens[i - 1].Start, 2).SequenceEqual("pc"))
        {
            return false;
        }

        return IsOneOf(text, tokens[i - 2], ComputerOwners);
    }

    /// <summary>Besides "in": the words before a place's name that the model must not read as a name's cue.</summary>
    private static readonly string[] PlacePrepositions = ["near", "outside", "around", "across", "towards"];

    /// <summary>The words before "pc" that make it a computer ("my pc", "the new pc").</summary>
    private static readonly string[] ComputerOwners = ["my", "the", "our", "his", "her", "your", "their", "a", "new", "old"];
}
