using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Samskapelse.Bot.Operations;

/// <summary>
/// OpenTelemetry export, by the standard OTEL_* keys (environment variables, or top-level keys in any
/// configuration source): with no endpoint nothing is exported and the SDK is not even loaded.
/// </summary>
public sealed class TelemetryOptions
{
    public const string EndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ProtocolKey = "OTEL_EXPORTER_OTLP_PROTOCOL";
    public const string ServiceNameKey = "OTEL_SERVICE_NAME";

    /// <summary>The OTLP collector, e.g. http://localhost:4317 (gRPC) or http://localhost:4318 (http/protobuf).</summary>
    [ConfigurationKeyName(EndpointKey)]
    public string? Endpoint { get; set; }

    /// <summary>grpc (the exporter's default) or http/protobuf.</summary>
    [ConfigurationKeyName(ProtocolKey)]
    public string? Protocol { get; set; }

    [ConfigurationKeyName(ServiceNameKey)]
    public string? ServiceName { get; set; }

    public static bool IsExportConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration?[EndpointKey]);
}

public sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.Endpoint)
            && !(Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) && endpoint.Scheme is "http" or "https"))
        {
            return ValidateOptionsResult.Fail($"{TelemetryOptions.EndpointKey} must be an absolute http or https URL, e.g. http://localhost:4318.");
        }

        if (!string.IsNullOrWhiteSpace(options.Protocol) && options.Protocol is not ("grpc" or "http/protobuf"))
        {
            return ValidateOptionsResult.Fail($"{TelemetryOptions.ProtocolKey} must be grpc or http/protobuf.");
        }

        return ValidateOptionsResult.Success;
    }
}
