using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace FieldReports.Storage.EF.Infrastructure;

/// <summary>
/// EF Core compiled queries for the stores' hottest reads, one per model: a compiled query skips the translation cache's
/// lookup (hashing and comparing the LINQ tree) and the evaluation of its parameters on every call. EF Core binds a
/// compiled query to the model it first ran on, and one context type may run on several models (SQLite and PostgreSQL,
/// or one per service provider in tests), so each model gets its own compilation, kept as long as the model lives.
/// </summary>
internal static class CompiledQueries
{
    private static readonly ConditionalWeakTable<IModel, ConcurrentDictionary<LambdaExpression, Delegate>> ByModel = [];

    /// <summary>A query with one result (or none), compiled for <paramref name="model"/>; its last parameter cancels it.</summary>
    public static Func<TContext, T1, T2, CancellationToken, Task<TResult>> Single<TContext, T1, T2, TResult>(IModel model, Expression<Func<TContext, T1, T2, CancellationToken, TResult>> query)
        where TContext : DbContext =>
        (Func<TContext, T1, T2, CancellationToken, Task<TResult>>)Of(model)
            .GetOrAdd(query, q => Microsoft.EntityFrameworkCore.EF.CompileAsyncQuery((Expression<Func<TContext, T1, T2, CancellationToken, TResult>>)q));

    /// <summary>A query with a sequence of results, compiled for <paramref name="model"/>.</summary>
    public static Func<TContext, T1, T2, IAsyncEnumerable<TResult>> Many<TContext, T1, T2, TResult>(IModel model, Expression<Func<TContext, T1, T2, IQueryable<TResult>>> query)
        where TContext : DbContext =>
        (Func<TContext, T1, T2, IAsyncEnumerable<TResult>>)Of(model)
            .GetOrAdd(query, q => Microsoft.EntityFrameworkCore.EF.CompileAsyncQuery((Expression<Func<TContext, T1, T2, IQueryable<TResult>>>)q));

    private static ConcurrentDictionary<LambdaExpression, Delegate> Of(IModel model) =>
        ByModel.GetValue(model, static _ => new ConcurrentDictionary<LambdaExpression, Delegate>(ReferenceEqualityComparer.Instance));
}
