using System.Text;
using FieldReports.Intake;
using MailKit.Net.Pop3;
using MailKit.Security;

namespace FieldReports.Core.Tests.Intake;

public class MailboxIntakeReaderTests
{
    [Fact]
    public async Task Pop3_mailbox_messages_become_drafts_and_are_deleted_after_reading()
    {
        var fixture = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Intake", "Fixtures", "report.eml"));
        var server = new ScriptedPop3Server(fixture);
        using var client = new Pop3Client();
        await client.ConnectAsync(server, "mail.example.vn", 110, SecureSocketOptions.None);
        await client.AuthenticateAsync("phananh", "secret");

        var drafts = await new MailboxIntakeReader(new EmailIntakeChannel()).ReadAsync(client, deleteAfterReading: true, CancellationToken.None);
        await client.DisconnectAsync(quit: true);

        var draft = Assert.Single(drafts);
        Assert.Equal("email", draft.Channel);
        Assert.Equal("nguyenvanb@example.vn", draft.Contact.Email);
        Assert.Equal("+84912345678", draft.Contact.Phone);
        Assert.Single(draft.Attachments, a => a.IsMedia);
        Assert.Contains("DELE 1", server.Commands);
        Assert.Contains("QUIT", server.Commands);
    }

    /// <summary>A POP3 server in memory: answers each command line with a scripted response, so no network is used.</summary>
    private sealed class ScriptedPop3Server(string message) : Stream
    {
        private readonly MemoryStream _toClient = Greeting();
        private readonly StringBuilder _line = new();
        private readonly string _message = message.ReplaceLineEndings("\r\n");

        public List<string> Commands { get; } = [];

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => _toClient.Read(buffer, offset, count);

        public override void Write(byte[] buffer, int offset, int count)
        {
            _line.Append(Encoding.UTF8.GetString(buffer, offset, count));
            string text;
            while ((text = _line.ToString()).Contains("\r\n", StringComparison.Ordinal))
            {
                var end = text.IndexOf("\r\n", StringComparison.Ordinal);
                var command = text[..end];
                _line.Remove(0, end + 2);
                Commands.Add(command);
                Respond(command);
            }
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        private static MemoryStream Greeting()
        {
            var stream = new MemoryStream();
            stream.Write(Encoding.ASCII.GetBytes("+OK POP3 ready\r\n"));
            stream.Position = 0;
            return stream;
        }

        private void Respond(string command)
        {
            var verb = command.Split(' ')[0].ToUpperInvariant();
            var body = string.Join("\r\n", _message.Split("\r\n").Select(l => l.StartsWith('.') ? "." + l : l));
            var response = verb switch
            {
                "CAPA" => "+OK\r\nUSER\r\nUIDL\r\nTOP\r\n.\r\n",
                "USER" or "PASS" or "DELE" or "QUIT" or "NOOP" or "RSET" => "+OK\r\n",
                "STAT" => FormattableString.Invariant($"+OK 1 {_message.Length}\r\n"),
                "LIST" => FormattableString.Invariant($"+OK\r\n1 {_message.Length}\r\n.\r\n"),
                "UIDL" => "+OK\r\n1 msg-1\r\n.\r\n",
                "RETR" => "+OK\r\n" + body + "\r\n.\r\n",
                _ => "-ERR unknown command\r\n",
            };
            var position = _toClient.Position;
            _toClient.Seek(0, SeekOrigin.End);
            _toClient.Write(Encoding.UTF8.GetBytes(response));
            _toClient.Position = position;
        }
    }
}
