using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReferenceHost.Data;
using ReferenceHost.Hosting;

namespace ReferenceHost.Pages.Account;

/// <summary>Sign-in with a user name and password (hashed by Identity), locked for 15 minutes after 5 failures.</summary>
public sealed class LoginModel(SignInManager<HostUser> signIn, UserManager<HostUser> users, Lang l, IConfiguration configuration) : PageModel
{
    [BindProperty] public string UserName { get; set; } = "";

    [BindProperty] public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public bool SingleSignOn => Hosting.SingleSignOn.IsEnabled(configuration);

    public string SingleSignOnName => configuration["FieldReports:SingleSignOn:DisplayName"] ?? "SSO";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await signIn.PasswordSignInAsync(UserName.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            if (!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl))
            {
                return LocalRedirect(ReturnUrl);
            }

            var user = await users.FindByNameAsync(UserName.Trim());
            return LocalRedirect(user is null ? "/" : $"/{user.ProvinceId}/{HomeOf(user.Role)}");
        }

        Error = result.IsLockedOut
            ? l["Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau 15 phút.", "The account is locked after repeated failed sign-ins. Try again in 15 minutes."]
            : l["Tên đăng nhập hoặc mật khẩu không đúng.", "Wrong user name or password."];
        return Page();
    }

    public static string HomeOf(string role) => role switch
    {
        "reporter" => "mine",
        "reception_staff" or "approver" => "centre",
        "handling_staff" => "agency",
        "leader" or "administrator" => "dashboard",
        _ => "",
    };
}
