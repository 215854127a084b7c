using FeedbackCollector.TestSupport;

namespace FeedbackCollector.Storage.Tests;

/// <summary>One Azurite for the assembly; tests take unique names from <see cref="AzuriteFixture.NewScope"/>.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
