namespace ValuePool.Server.Http;

/// <summary>
/// A message the API answers in Simplified Chinese (the default) or English: each call site states both once, and
/// <see cref="Text"/> picks the request's language (<see cref="ProblemLanguage"/>). Amounts are written "¥100.00".
/// </summary>
public readonly record struct Bilingual(string Zh, string En)
{
    /// <summary>The text in the language of the request being answered.</summary>
    public string Text => In(ProblemLanguage.Current);

    public string In(Language language) => language == Language.English ? En : Zh;

    public override string ToString() => Text;
}
