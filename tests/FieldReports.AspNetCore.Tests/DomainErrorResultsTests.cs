using Microsoft.AspNetCore.Http;

namespace FieldReports.AspNetCore.Tests;

public class DomainErrorResultsTests
{
    [Theory]
    [InlineData(ErrorKind.Validation, StatusCodes.Status400BadRequest)]
    [InlineData(ErrorKind.NotFound, StatusCodes.Status404NotFound)]
    [InlineData(ErrorKind.Forbidden, StatusCodes.Status403Forbidden)]
    [InlineData(ErrorKind.Conflict, StatusCodes.Status409Conflict)]
    [InlineData(ErrorKind.Rule, StatusCodes.Status422UnprocessableEntity)]
    public void Domain_error_becomes_a_problem_with_its_status_and_code(ErrorKind kind, int status)
    {
        var problem = new DomainError("workflow.example", kind, "Explains what happened.").ToProblem();

        Assert.Equal(status, problem.StatusCode);
        Assert.Equal("workflow.example", problem.ProblemDetails.Extensions["code"]);
        Assert.Equal("urn:fieldreports:error:workflow.example", problem.ProblemDetails.Type);
        Assert.Equal("Explains what happened.", problem.ProblemDetails.Detail);
    }
}
