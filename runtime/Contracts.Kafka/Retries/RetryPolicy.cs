using System;
using System.Collections.Generic;

namespace Contracts.Kafka.Retries;

/// <summary>
/// Which handler exceptions are retried: everything unless excluded, or only what is included. Filters are
/// <c>is</c> checks compiled from type arguments, so no reflection runs.
/// </summary>
public sealed class RetryPolicy
{
    private readonly List<Func<Exception, bool>> _include = [];
    private readonly List<Func<Exception, bool>> _exclude = [];

    /// <summary>Retries only exceptions of type <typeparamref name="TException"/> (and others included the same way).</summary>
    public RetryPolicy Include<TException>()
        where TException : Exception
    {
        _include.Add(static e => e is TException);
        return this;
    }

    /// <summary>Never retries <typeparamref name="TException"/>: it is dead-lettered at once. Exclusions win over inclusions.</summary>
    public RetryPolicy Exclude<TException>()
        where TException : Exception
    {
        _exclude.Add(static e => e is TException);
        return this;
    }

    /// <summary>True when <paramref name="exception"/> may be retried.</summary>
    public bool ShouldRetry(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        foreach (var excluded in _exclude)
        {
            if (excluded(exception))
            {
                return false;
            }
        }

        if (_include.Count == 0)
        {
            return true;
        }

        foreach (var included in _include)
        {
            if (included(exception))
            {
                return true;
            }
        }

        return false;
    }
}
