using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FeedbackCollector.Core;

/// <summary>Binds an options class and validates it on start, failing with every problem spelled out.</summary>
public static class OptionsValidation
{
    /// <summary>
    /// Binds <typeparamref name="T"/> from <paramref name="section"/> and checks it with <paramref name="validate"/> when the
    /// host starts, so a wrong setting stops the app at once with a clear message instead of failing on first use.
    /// </summary>
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, IConfiguration section, Func<T, IEnumerable<string>> validate)
        where T : class
    {
        services.AddSingleton<IValidateOptions<T>>(new DelegateValidator<T>(validate));
        return services.AddOptions<T>().Bind(section).ValidateOnStart();
    }

    private sealed class DelegateValidator<T>(Func<T, IEnumerable<string>> validate) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var errors = validate(options).ToList();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
