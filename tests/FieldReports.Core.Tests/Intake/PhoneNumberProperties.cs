using FieldReports.Intake;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FieldReports.Core.Tests.Intake;

public class PhoneNumberProperties
{
    [Property]
    public Property Every_written_form_of_a_mobile_number_normalises_to_the_same_E164()
    {
        var numbers =
            from prefix in Gen.Elements('3', '5', '7', '8', '9')
            from rest in Gen.Choose(0, 99_999_999)
            select prefix + rest.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        return Prop.ForAll(numbers.ToArbitrary(), national =>
        {
            var forms = new[] { "0" + national, "84" + national, "+84 " + national[..3] + " " + national[3..6] + " " + national[6..], "0" + national[..3] + "." + national[3..6] + "-" + national[6..] };
            return forms.All(f => VietnamesePhoneNumber.TryNormalize(f, out var e) && e == "+84" + national);
        });
    }
}
