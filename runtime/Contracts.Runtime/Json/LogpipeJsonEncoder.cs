using System;
using System.Buffers;
using System.Text.Encodings.Web;

namespace Contracts.Json;

/// <summary>
/// Escapes JSON strings exactly as django-logpipe's producers do (Django REST Framework's <c>JSONRenderer</c>, that is
/// Python's <c>json.dumps(..., ensure_ascii=False)</c> followed by escaping U+2028 and U+2029), so envelopes written here
/// are byte-identical to theirs. Escaped: <c>"</c> and <c>\</c>, control characters below U+0020 (<c>\b \t \n \f \r</c>
/// in short form, the others as <c>\u00XX</c> with lower-case hex) and the two line separators U+2028 and U+2029.
/// Everything else, <c>&lt;</c>, <c>&amp;</c>, DEL and characters outside the BMP included, is written as raw UTF-8.
/// Text that is not valid Unicode (an unpaired surrogate, invalid UTF-8) raises <see cref="ContractEncodeException"/>:
/// Python would escape a lone surrogate, but no UTF-8 reader can decode one, so it is refused at the source.
/// </summary>
public sealed class LogpipeJsonEncoder : JavaScriptEncoder
{
    // Bytes and chars that may start an escape: the ASCII ones, plus 0xE2, the UTF-8 lead byte of U+2028 and U+2029.
    private static readonly SearchValues<byte> Utf8Candidates = SearchValues.Create(
    [
        0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F,
        0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F,
        (byte)'"', (byte)'\\', 0xE2,
    ]);

    private LogpipeJsonEncoder()
    {
    }

    /// <summary>The shared instance; it holds no state.</summary>
    public static LogpipeJsonEncoder Instance { get; } = new();

    /// <inheritdoc />
    public override int MaxOutputCharactersPerInputCharacter => 6;

    /// <inheritdoc />
    public override bool WillEncode(int unicodeScalar) =>
        unicodeScalar < 0x20 || unicodeScalar == '"' || unicodeScalar == '\\' || unicodeScalar == 0x2028 || unicodeScalar == 0x2029;

    /// <inheritdoc />
    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        var span = new ReadOnlySpan<char>(text, textLength);
        var offset = 0;
        while (true)
        {
            var index = EscapeScan.IndexOfCandidate(span.Slice(offset));
            if (index < 0)
            {
                return -1;
            }

            index += offset;
            var c = span[index];
            if (!char.IsSurrogate(c))
            {
                return index;
            }

            // A well-formed pair is plain text; anything else must go to the encoder to be refused.
            if (char.IsHighSurrogate(c) && index + 1 < span.Length && char.IsLowSurrogate(span[index + 1]))
            {
                offset = index + 2;
                continue;
            }

            return index;
        }
    }

    /// <inheritdoc />
    public override int FindFirstCharacterToEncodeUtf8(ReadOnlySpan<byte> utf8Text)
    {
        // Printable ASCII is valid UTF-8 and never escaped: one vectorized pass settles the common case. An ASCII
        // character to escape found first is the answer, since everything before it is plain.
        var plainEnd = EscapeScan.IndexOfNonPlainAscii(utf8Text);
        if (plainEnd < 0 || utf8Text[plainEnd] < 0x80)
        {
            return plainEnd;
        }

        var offset = plainEnd;
        while (true)
        {
            var index = utf8Text.Slice(offset).IndexOfAny(Utf8Candidates);
            if (index < 0)
            {
                // Invalid UTF-8 must reach the encoder, which refuses it; valid text (the common case) is one vectorized pass.
                return System.Text.Unicode.Utf8.IsValid(utf8Text) ? -1 : FirstInvalidUtf8(utf8Text);
            }

            index += offset;
            if (utf8Text[index] != 0xE2)
            {
                return System.Text.Unicode.Utf8.IsValid(utf8Text.Slice(0, index)) ? index : FirstInvalidUtf8(utf8Text);
            }

            if (index + 2 < utf8Text.Length && utf8Text[index + 1] == 0x80 && (utf8Text[index + 2] == 0xA8 || utf8Text[index + 2] == 0xA9))
            {
                return System.Text.Unicode.Utf8.IsValid(utf8Text.Slice(0, index)) ? index : FirstInvalidUtf8(utf8Text);
            }

            offset = index + 1;
        }
    }

    /// <inheritdoc />
    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        // The base encoder substitutes U+FFFD for ill-formed input and asks for it here without consulting WillEncode
        // (a real U+FFFD is never escaped, so it never arrives here).
        if (unicodeScalar == 0xFFFD)
        {
            throw new ContractEncodeException(ContractFormat.Json, "the text is not valid Unicode (an unpaired UTF-16 surrogate or invalid UTF-8); it cannot be written as UTF-8 JSON.");
        }

        if (!WillEncode(unicodeScalar))
        {
            return TryWriteScalar(unicodeScalar, buffer, bufferLength, out numberOfCharactersWritten);
        }

        var shortForm = unicodeScalar switch
        {
            '"' => '"',
            '\\' => '\\',
            '\b' => 'b',
            '\t' => 't',
            '\n' => 'n',
            '\f' => 'f',
            '\r' => 'r',
            _ => '\0',
        };
        if (shortForm != '\0')
        {
            if (bufferLength < 2)
            {
                numberOfCharactersWritten = 0;
                return false;
            }

            buffer[0] = '\\';
            buffer[1] = shortForm;
            numberOfCharactersWritten = 2;
            return true;
        }

        if (bufferLength < 6)
        {
            numberOfCharactersWritten = 0;
            return false;
        }

        const string LowerHex = "0123456789abcdef";
        buffer[0] = '\\';
        buffer[1] = 'u';
        buffer[2] = LowerHex[(unicodeScalar >> 12) & 0xF];
        buffer[3] = LowerHex[(unicodeScalar >> 8) & 0xF];
        buffer[4] = LowerHex[(unicodeScalar >> 4) & 0xF];
        buffer[5] = LowerHex[unicodeScalar & 0xF];
        numberOfCharactersWritten = 6;
        return true;
    }

    private static unsafe bool TryWriteScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        var rune = new System.Text.Rune(unicodeScalar);
        if (rune.Utf16SequenceLength > bufferLength)
        {
            numberOfCharactersWritten = 0;
            return false;
        }

        numberOfCharactersWritten = rune.EncodeToUtf16(new Span<char>(buffer, bufferLength));
        return true;
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> utf8Text)
    {
        var index = 0;
        while (index < utf8Text.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(utf8Text.Slice(index), out _, out var consumed) != OperationStatus.Done)
            {
                return index;
            }

            index += consumed;
        }

        return -1;
    }
}
