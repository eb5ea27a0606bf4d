using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Threading;

namespace Contracts.Kafka.Native;

/// <summary>
/// Binds this assembly's P/Invokes named <see cref="Name"/> to the very librdkafka file Confluent.Kafka loaded.
/// librdkafka.redist ships several variants per platform (on Linux x64: a default build needing libsasl2.so.3, a
/// centos8 build and a musl build) and Confluent.Kafka falls back between them; a name the OS loader guesses could
/// bind a second copy whose mock cluster the clients never see, or one that does not load at all.
/// </summary>
internal static class LibrdkafkaLibrary
{
    /// <summary>The library name used in <c>LibraryImport</c>; resolved by <see cref="Resolve"/>.</summary>
    public const string Name = "librdkafka";

    private static readonly Lazy<Loaded> Library = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int _resolverRegistered;

    /// <summary>The path of the loaded native file (diagnostics and tests).</summary>
    public static string LoadedPath => Library.Value.Path;

    /// <summary>Makes sure librdkafka is loaded and this assembly's P/Invokes resolve to it; call before the first native call.</summary>
    public static void EnsureBound()
    {
        if (Interlocked.Exchange(ref _resolverRegistered, 1) == 0)
        {
            NativeLibrary.SetDllImportResolver(typeof(LibrdkafkaLibrary).Assembly, Resolve);
        }

        _ = Library.Value;
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == Name ? Library.Value.Handle : IntPtr.Zero;

    private static Loaded Load()
    {
        // Let Confluent.Kafka choose (and load) its variant first, then find which file that was.
        try
        {
            Confluent.Kafka.Library.Load();
        }
        catch (Exception exception) when (exception is DllNotFoundException or BadImageFormatException or InvalidOperationException)
        {
            throw new EmbeddedKafkaException("Confluent.Kafka could not load librdkafka (librdkafka.redist); the embedded broker needs the same native library.", exception);
        }

        var path = FindMappedLibrary() ?? ProbeShippedVariants()
            ?? throw new EmbeddedKafkaException("librdkafka is loaded but its file could not be located to bind the mock cluster API.");
        return new Loaded(path, NativeLibrary.Load(path));
    }

    // Linux: the loader's own record of mapped files names exactly the file Confluent.Kafka opened.
    private static string? FindMappedLibrary()
    {
        const string maps = "/proc/self/maps";
        if (!OperatingSystem.IsLinux() || !File.Exists(maps))
        {
            return null;
        }

        foreach (var line in File.ReadLines(maps))
        {
            var slash = line.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0)
            {
                continue;
            }

            var path = line[slash..];
            if (System.IO.Path.GetFileName(path).Contains("librdkafka", StringComparison.Ordinal) && File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }

    // Elsewhere: the variants in Confluent.Kafka's order; loading an already-loaded file returns that same module.
    private static string? ProbeShippedVariants()
    {
        var rid = RuntimeInformation.RuntimeIdentifier;
        string[] names = OperatingSystem.IsWindows() ? ["librdkafka.dll"]
            : OperatingSystem.IsMacOS() ? ["librdkafka.dylib"]
            : ["librdkafka.so", "centos8-librdkafka.so", "alpine-librdkafka.so"];
        string[] directories =
        [
            AppContext.BaseDirectory,
            System.IO.Path.Combine(AppContext.BaseDirectory, "runtimes", rid, "native"),
            System.IO.Path.Combine(AppContext.BaseDirectory, "runtimes", PortableRid(), "native"),
        ];
        foreach (var directory in directories)
        {
            foreach (var name in names)
            {
                var candidate = System.IO.Path.Combine(directory, name);
                if (File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out var handle))
                {
                    NativeLibrary.Free(handle);
                    return candidate;
                }
            }
        }

        return null;
    }

    private static string PortableRid()
    {
        var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        var arch = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.Arm64 => "arm64",
            Architecture.X86 => "x86",
            _ => "x64",
        };
        return $"{os}-{arch}";
    }

    private sealed record Loaded(string Path, IntPtr Handle);
}
