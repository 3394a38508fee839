#!/usr/bin/env python3
"""Hand-built key files for the fingerprint corpus (python3 standard library only).

  build.py list                      names of the hand-built cases, one per line
  build.py case NAME CASEDIR BASEDIR writes the case's files into CASEDIR, using the ssh-keygen keys in BASEDIR
                                     (BASEDIR/{rsa,ed25519,ecdsa256,ecdsa384,dsa}[.pub], unencrypted, comment "base TYPE");
                                     prints the file to fingerprint (relative to CASEDIR) and a one-line description

Wire format (RFC 4251 section 5): uint32 big-endian, string = uint32 length + bytes, mpint = two's complement,
minimal, 0x00 prefix when the top bit is set. openssh-key-v1 (PROTOCOL.key); FIDO keys (PROTOCOL.u2f).
"""
import base64, hashlib, os, struct, sys

def u32(n): return struct.pack(">I", n)
def string(b):
    if isinstance(b, str): b = b.encode()
    return u32(len(b)) + b
def mpint_bytes(raw):
    """raw unsigned big-endian bytes -> canonical mpint"""
    raw = raw.lstrip(b"\0")
    if raw and raw[0] & 0x80: raw = b"\0" + raw
    return string(raw)
def mpint(n): return mpint_bytes(n.to_bytes((n.bit_length() + 7) // 8, "big") if n else b"")

class Reader:
    def __init__(s, b): s.b, s.p = b, 0
    def u32(s):
        v = struct.unpack(">I", s.b[s.p:s.p+4])[0]; s.p += 4; return v
    def byte(s):
        v = s.b[s.p]; s.p += 1; return v
    def string(s):
        n = s.u32(); v = s.b[s.p:s.p+n]; s.p += n; return v
    def rest(s): return s.b[s.p:]

def read_pub(path):
    f = open(path, "rb").read().split(b"\n")[0].split(b" ", 2)
    return f[0].decode(), base64.b64decode(f[1]), (f[2] if len(f) > 2 else b"")

def publine(typ, blob, comment=b""):
    if isinstance(typ, str): typ = typ.encode()
    if isinstance(comment, str): comment = comment.encode()
    line = typ + b" " + base64.b64encode(blob)
    return line + (b" " + comment if comment else b"") + b"\n"

MAGIC = b"openssh-key-v1\0"
BEGIN, END = b"-----BEGIN OPENSSH PRIVATE KEY-----\n", b"-----END OPENSSH PRIVATE KEY-----\n"

def armour(data):
    b = base64.b64encode(data)
    return BEGIN + b"".join(b[i:i+70] + b"\n" for i in range(0, len(b), 70)) + END

def dearmour(text):
    lines = [l for l in text.split(b"\n") if l and not l.startswith(b"-----")]
    return base64.b64decode(b"".join(lines))

def v1_private(pubblob, keyfields, comment, checkint=0x01020304, check2=None, nkeys=1, extra_pub=b"", magic=MAGIC, pad=True, trailing=b""):
    """Unencrypted openssh-key-v1: keyfields = string type + the type's private fields."""
    if isinstance(comment, str): comment = comment.encode()
    sec = u32(checkint) + u32(checkint if check2 is None else check2) + keyfields + string(comment)
    i = 1
    while pad and len(sec) % 8: sec += bytes([i]); i += 1
    body = magic + string("none") + string("none") + string(b"") + u32(nkeys) + string(pubblob) + extra_pub + string(sec) + trailing
    return armour(body)

def parse_v1(path):
    """-> (pubblob, private section bytes) of an unencrypted openssh-key-v1 file"""
    r = Reader(dearmour(open(path, "rb").read()))
    assert r.b.startswith(MAGIC); r.p = len(MAGIC)
    assert r.string() == b"none"; r.string(); r.string()
    assert r.u32() == 1
    pub = r.string(); sec = r.string()
    return pub, sec

def private_fields_and_comment(sec):
    """Split an unencrypted private section: -> (keyfields incl. type string, comment). Knows rsa/ed25519/ecdsa/dsa."""
    r = Reader(sec); r.u32(); r.u32()
    start = r.p
    typ = r.string().decode()
    n = {"ssh-rsa": 6, "ssh-ed25519": 2, "ssh-dss": 5}.get(typ, 3 if typ.startswith("ecdsa-") else None)
    for _ in range(n): r.string()
    end = r.p
    return sec[start:end], r.string()

def with_comment(base_priv, comment):
    pub, sec = parse_v1(base_priv)
    fields, _ = private_fields_and_comment(sec)
    return v1_private(pub, fields, comment)

# ---------------------------------------------------------------- FIDO (PROTOCOL.u2f)
SK_ED = "sk-ssh-ed25519@openssh.com"
SK_EC = "sk-ecdsa-sha2-nistp256@openssh.com"
def sk_ed_pub(pk, app="ssh:"): return string(SK_ED) + string(pk) + string(app)
def sk_ec_q(basedir):
    _, blob, _ = read_pub(os.path.join(basedir, "ecdsa256.pub"))
    r = Reader(blob); r.string(); r.string(); return r.string()
def sk_ec_pub(q, app="ssh:"): return string(SK_EC) + string("nistp256") + string(q) + string(app)
def sk_ed_priv_fields(pk, app="ssh:", flags=0x01, handle=None, reserved=b""):
    handle = handle if handle is not None else hashlib.sha512(b"handle" + pk).digest()
    return string(SK_ED) + string(pk) + string(app) + bytes([flags]) + string(handle) + string(reserved)
def sk_ec_priv_fields(q, app="ssh:", flags=0x01, handle=None, reserved=b""):
    handle = handle if handle is not None else hashlib.sha512(b"handle" + q).digest()
    return string(SK_EC) + string("nistp256") + string(q) + string(app) + bytes([flags]) + string(handle) + string(reserved)

def ed_pk(basedir):
    _, blob, _ = read_pub(os.path.join(basedir, "ed25519.pub"))
    r = Reader(blob); r.string(); return r.string()

def rsa_parts(basedir):
    _, blob, _ = read_pub(os.path.join(basedir, "rsa.pub"))
    r = Reader(blob); r.string(); return r.string(), r.string()   # e, n as mpint contents

def odd_modulus(bits):
    """a pseudo-random odd number of exactly `bits` bits (not a real RSA modulus: ssh-keygen -l never factors it)"""
    if bits == 0: return 0
    h = b""
    i = 0
    while len(h) * 8 < bits: h += hashlib.sha256(b"mod%d-%d" % (bits, i)).digest(); i += 1
    n = int.from_bytes(h, "big") >> (len(h) * 8 - bits)
    return n | (1 << (bits - 1)) | 1

# ---------------------------------------------------------------- cases
CASES = {}
def case(name, about):
    def deco(fn):
        CASES[name] = (about, fn); return fn
    return deco

def put(d, name, data, mode=0o644):
    p = os.path.join(d, name)
    with open(p, "wb") as f: f.write(data)
    os.chmod(p, mode)

# FIDO keys
@case("sk-ed25519-pub", "sk-ssh-ed25519@openssh.com public key, application ssh:")
def _(d, b):
    put(d, "id_ed25519_sk.pub", publine(SK_ED, sk_ed_pub(ed_pk(b)), "fido ed")); return "id_ed25519_sk.pub"
@case("sk-ecdsa-pub", "sk-ecdsa-sha2-nistp256@openssh.com public key, application ssh:")
def _(d, b):
    put(d, "id_ecdsa_sk.pub", publine(SK_EC, sk_ec_pub(sk_ec_q(b)), "fido ec")); return "id_ecdsa_sk.pub"
@case("sk-ed25519-priv", "hand-built unencrypted sk-ed25519 private key (flags 0x01, 64-byte handle), with .pub")
def _(d, b):
    pk = ed_pk(b)
    put(d, "id_ed25519_sk", v1_private(sk_ed_pub(pk), sk_ed_priv_fields(pk), "fido ed priv"), 0o600)
    put(d, "id_ed25519_sk.pub", publine(SK_ED, sk_ed_pub(pk), "fido ed pub")); return "id_ed25519_sk"
@case("sk-ed25519-priv-nopub", "hand-built unencrypted sk-ed25519 private key, no .pub")
def _(d, b):
    pk = ed_pk(b)
    put(d, "id_ed25519_sk", v1_private(sk_ed_pub(pk), sk_ed_priv_fields(pk), "fido ed priv"), 0o600); return "id_ed25519_sk"
@case("sk-ecdsa-priv", "hand-built unencrypted sk-ecdsa private key (flags 0x05: user presence + resident), with .pub")
def _(d, b):
    q = sk_ec_q(b)
    put(d, "id_ecdsa_sk", v1_private(sk_ec_pub(q), sk_ec_priv_fields(q, flags=0x05), "fido ec priv"), 0o600)
    put(d, "id_ecdsa_sk.pub", publine(SK_EC, sk_ec_pub(q), "fido ec pub")); return "id_ecdsa_sk"
@case("sk-ecdsa-priv-nopub", "hand-built unencrypted sk-ecdsa private key, no .pub")
def _(d, b):
    q = sk_ec_q(b)
    put(d, "id_ecdsa_sk", v1_private(sk_ec_pub(q), sk_ec_priv_fields(q), "fido ec priv"), 0o600); return "id_ecdsa_sk"
@case("sk-ed25519-app-custom", "sk-ed25519 public key with application ssh:work (fingerprint covers the application)")
def _(d, b):
    put(d, "k.pub", publine(SK_ED, sk_ed_pub(ed_pk(b), "ssh:work"), "app work")); return "k.pub"
@case("sk-ed25519-app-empty", "sk-ed25519 public key with an empty application string")
def _(d, b):
    put(d, "k.pub", publine(SK_ED, sk_ed_pub(ed_pk(b), ""), "app empty")); return "k.pub"
@case("sk-ed25519-short-pk", "sk-ed25519 public key with a 31-byte point")
def _(d, b):
    put(d, "k.pub", publine(SK_ED, sk_ed_pub(ed_pk(b)[:31]), "short")); return "k.pub"

# RSA structure
def rsa_case(name, about, e=None, n=None, raw_blob=None):
    @case(name, about)
    def _(d, b):
        be, bn = rsa_parts(b)
        blob = raw_blob(be, bn) if raw_blob else string("ssh-rsa") + (e if e is not None else string(be)) + (n if n is not None else string(bn))
        put(d, "k.pub", publine("ssh-rsa", blob, name)); return "k.pub"
rsa_case("rsa-0bit", "RSA public key whose modulus is the empty mpint (0)", n=mpint(0))
rsa_case("rsa-512bit", "RSA modulus of 512 bits", n=mpint(odd_modulus(512)))
rsa_case("rsa-1023bit", "RSA modulus of 1023 bits (one below OpenSSH's minimum)", n=mpint(odd_modulus(1023)))
rsa_case("rsa-1024bit", "RSA modulus of 1024 bits (OpenSSH's minimum)", n=mpint(odd_modulus(1024)))
rsa_case("rsa-16384bit", "RSA modulus of 16384 bits (OpenSSH's maximum)", n=mpint(odd_modulus(16384)))
rsa_case("rsa-16392bit", "RSA modulus of 16392 bits (above the maximum)", n=mpint(odd_modulus(16392)))
rsa_case("rsa-e-zero", "RSA with exponent 0", e=mpint(0))
rsa_case("rsa-e-one", "RSA with exponent 1", e=mpint(1))
rsa_case("rsa-e-even", "RSA with exponent 65536", e=mpint(65536))
rsa_case("rsa-negative-n", "RSA modulus with the top bit set and no 0x00 prefix (a negative mpint)",
         raw_blob=lambda be, bn: string("ssh-rsa") + string(be) + string(bn.lstrip(b"\0")))
rsa_case("rsa-leading-zero-e", "RSA exponent written with a needless leading 0x00 (non-canonical mpint)",
         raw_blob=lambda be, bn: string("ssh-rsa") + string(b"\0" + be) + string(bn))
rsa_case("rsa-trailing-bytes", "RSA blob followed by 4 extra bytes inside the base64",
         raw_blob=lambda be, bn: string("ssh-rsa") + string(be) + string(bn) + b"\0\0\0\0")
rsa_case("rsa-missing-n", "RSA blob that ends after the exponent",
         raw_blob=lambda be, bn: string("ssh-rsa") + string(be))
rsa_case("rsa-length-overflow", "RSA blob whose modulus length field is 0xffffffff",
         raw_blob=lambda be, bn: string("ssh-rsa") + string(be) + u32(0xffffffff) + bn)

# Ed25519 structure
def ed_case(name, about, make):
    @case(name, about)
    def _(d, b):
        typ, blob = make(ed_pk(b))
        put(d, "k.pub", publine(typ, blob, name)); return "k.pub"
ed_case("ed25519-31", "Ed25519 public key of 31 bytes", lambda pk: ("ssh-ed25519", string("ssh-ed25519") + string(pk[:31])))
ed_case("ed25519-33", "Ed25519 public key of 33 bytes", lambda pk: ("ssh-ed25519", string("ssh-ed25519") + string(pk + b"\0")))
ed_case("ed25519-empty", "Ed25519 public key of 0 bytes", lambda pk: ("ssh-ed25519", string("ssh-ed25519") + string(b"")))
ed_case("ed25519-trailing-bytes", "valid Ed25519 blob followed by one string more", lambda pk: ("ssh-ed25519", string("ssh-ed25519") + string(pk) + string("x")))
ed_case("ed25519-not-on-curve", "Ed25519 public key of 32 bytes that is not a curve point (y = 2^255-1: not canonical)",
        lambda pk: ("ssh-ed25519", string("ssh-ed25519") + string(b"\xff" * 31 + b"\x7f")))
ed_case("type-mismatch-text-rsa", "text says ssh-rsa, blob is ssh-ed25519", lambda pk: ("ssh-rsa", string("ssh-ed25519") + string(pk)))
ed_case("type-unknown", "type ssh-foo with a valid-looking blob", lambda pk: ("ssh-foo", string("ssh-foo") + string(pk)))
ed_case("type-unknown-blob", "text says ssh-ed25519, blob says ssh-foo", lambda pk: ("ssh-ed25519", string("ssh-foo") + string(pk)))

# ECDSA structure
def ec_case(name, about, make):
    @case(name, about)
    def _(d, b):
        typ, blob = make(sk_ec_q(b))
        put(d, "k.pub", publine(typ, blob, name)); return "k.pub"
T256 = "ecdsa-sha2-nistp256"
ec_case("ecdsa-unknown-curve", "ecdsa-sha2-nistp256 blob whose curve string is nistp999", lambda q: (T256, string(T256) + string("nistp999") + string(q)))
ec_case("ecdsa-curve-mismatch", "ecdsa-sha2-nistp256 blob whose curve string is nistp384", lambda q: (T256, string(T256) + string("nistp384") + string(q)))
ec_case("ecdsa-unknown-type", "type ecdsa-sha2-nistp999 (curve nistp999)", lambda q: ("ecdsa-sha2-nistp999", string("ecdsa-sha2-nistp999") + string("nistp999") + string(q)))
ec_case("ecdsa-not-on-curve", "P-256 point with its last byte changed (not on the curve)", lambda q: (T256, string(T256) + string("nistp256") + string(q[:-1] + bytes([q[-1] ^ 1]))))
ec_case("ecdsa-infinity", "P-256 point encoded as 0x00 (point at infinity)", lambda q: (T256, string(T256) + string("nistp256") + string(b"\0")))
ec_case("ecdsa-compressed", "P-256 point in compressed form (02/03 || X)", lambda q: (T256, string(T256) + string("nistp256") + string(bytes([2 + (q[-1] & 1)]) + q[1:33])))
ec_case("ecdsa-trailing-bytes", "valid P-256 blob followed by 2 extra bytes", lambda q: (T256, string(T256) + string("nistp256") + string(q) + b"\0\0"))

# DSA structure
@case("dsa-p-1023", "DSA public key whose p has 1023 bits")
def _(d, b):
    _, blob, _ = read_pub(os.path.join(b, "dsa.pub"))
    r = Reader(blob); r.string(); p, q, g, y = r.string(), r.string(), r.string(), r.string()
    put(d, "k.pub", publine("ssh-dss", string("ssh-dss") + mpint(odd_modulus(1023)) + string(q) + string(g) + string(y), "dsa p 1023")); return "k.pub"
@case("dsa-p-2048", "DSA public key whose p has 2048 bits (OpenSSH only makes 1024)")
def _(d, b):
    _, blob, _ = read_pub(os.path.join(b, "dsa.pub"))
    r = Reader(blob); r.string(); p, q, g, y = r.string(), r.string(), r.string(), r.string()
    put(d, "k.pub", publine("ssh-dss", string("ssh-dss") + mpint(odd_modulus(2048)) + string(q) + string(g) + string(y), "dsa p 2048")); return "k.pub"

# base64 damage
@case("b64-truncated", "Ed25519 line whose base64 is cut to 50 characters (not a multiple of 4)")
def _(d, b):
    t, blob, c = read_pub(os.path.join(b, "ed25519.pub"))
    put(d, "k.pub", b"ssh-ed25519 " + base64.b64encode(blob)[:50] + b" cut\n"); return "k.pub"
@case("b64-truncated-4", "Ed25519 line whose base64 is cut to 48 characters (whole quads, blob short)")
def _(d, b):
    t, blob, c = read_pub(os.path.join(b, "ed25519.pub"))
    put(d, "k.pub", b"ssh-ed25519 " + base64.b64encode(blob)[:48] + b" cut\n"); return "k.pub"
@case("b64-bad-char", "Ed25519 line with a '*' inside the base64")
def _(d, b):
    t, blob, c = read_pub(os.path.join(b, "ed25519.pub"))
    s = bytearray(base64.b64encode(blob)); s[20] = ord("*")
    put(d, "k.pub", b"ssh-ed25519 " + bytes(s) + b" star\n"); return "k.pub"
@case("b64-no-padding", "RSA line with its '=' padding removed")
def _(d, b):
    be, bn = rsa_parts(b)
    blob = string("ssh-rsa") + string(be) + string(bn)
    # an RSA 3072 blob is 407 bytes: its base64 ends in one "="
    put(d, "k.pub", b"ssh-rsa " + base64.b64encode(blob).rstrip(b"=") + b" nopad\n"); return "k.pub"
@case("b64-type-only", "a line with only the type name")
def _(d, b):
    put(d, "k.pub", b"ssh-ed25519\n"); return "k.pub"

# comments (public key lines)
def comment_case(name, about, comment):
    @case(name, about)
    def _(d, b):
        t, blob, _ = read_pub(os.path.join(b, "ed25519.pub"))
        put(d, "k.pub", publine(t, blob) [:-1] + b" " + comment + b"\n"); return "k.pub"
comment_case("comment-esc", "comment with ESC [31m (terminal colour escape)", b"red\x1b[31mALERT\x1b[0m")
comment_case("comment-cr", "comment with a carriage return in the middle", b"before\rafter")
comment_case("comment-tab", "comment with a tab", b"a\tb")
comment_case("comment-bel-del", "comment with BEL (0x07) and DEL (0x7f)", b"bel\x07del\x7f")
comment_case("comment-utf8", "comment in valid UTF-8 (Jos\u00e9 \u2603)", "Jos\u00e9 \u2603".encode())
comment_case("comment-invalid-utf8", "comment with the byte 0xff", b"bad\xffbyte")
comment_case("comment-c1-csi", "comment with U+009B (C1 CSI, UTF-8 c2 9b)", "c1\u009b31mX".encode())
comment_case("comment-percent", "comment with printf directives", b"%s%n%x")
comment_case("comment-spaces", "comment with several spaces inside and at the end", b"a  b   c   ")
comment_case("comment-hash", "comment that starts with #", b"#not a comment?")
@case("comment-crlf", "public key file with CRLF line ending (comment ends in \\r)")
def _(d, b):
    t, blob, _ = read_pub(os.path.join(b, "ed25519.pub"))
    put(d, "k.pub", publine(t, blob, "crlf")[:-1] + b"\r\n"); return "k.pub"
@case("comment-crlf-nocomment", "public key without comment, CRLF line ending")
def _(d, b):
    t, blob, _ = read_pub(os.path.join(b, "ed25519.pub"))
    put(d, "k.pub", publine(t, blob)[:-1] + b"\r\n"); return "k.pub"
@case("pub-tab-separated", "type, base64 and comment separated by tabs")
def _(d, b):
    t, blob, _ = read_pub(os.path.join(b, "ed25519.pub"))
    put(d, "k.pub", t.encode() + b"\t" + base64.b64encode(blob) + b"\ttabbed\n"); return "k.pub"
@case("pub-leading-space", "line with leading spaces and no final newline")
def _(d, b):
    t, blob, _ = read_pub(os.path.join(b, "ed25519.pub"))
    put(d, "k.pub", b"   " + publine(t, blob, "lead")[:-1]); return "k.pub"

# private key comments (openssh-key-v1, unencrypted, no .pub: the comment comes from the private section)
def priv_comment_case(name, about, comment):
    @case(name, about)
    def _(d, b):
        put(d, "k", with_comment(os.path.join(b, "ed25519"), comment), 0o600); return "k"
priv_comment_case("priv-comment-newline", "private key (no .pub) whose comment holds a newline", b"line1\nline2")
priv_comment_case("priv-comment-esc", "private key (no .pub) whose comment holds ESC", b"x\x1b]0;title\x07y")
priv_comment_case("priv-comment-empty", "private key (no .pub) with an empty comment", b"")

# broken openssh-key-v1 files
@case("v1-checkint-mismatch", "unencrypted openssh-key-v1 whose two check integers differ (no .pub)")
def _(d, b):
    pub, sec = parse_v1(os.path.join(b, "ed25519"))
    fields, comment = private_fields_and_comment(sec)
    put(d, "k", v1_private(pub, fields, comment, checkint=1, check2=2), 0o600); return "k"
@case("v1-two-keys", "openssh-key-v1 that says it holds 2 keys")
def _(d, b):
    pub, sec = parse_v1(os.path.join(b, "ed25519"))
    fields, comment = private_fields_and_comment(sec)
    put(d, "k", v1_private(pub, fields, comment, nkeys=2, extra_pub=string(pub)), 0o600); return "k"
@case("v1-bad-magic", "openssh-key-v1 armour around a blob whose magic is openssh-key-v2")
def _(d, b):
    pub, sec = parse_v1(os.path.join(b, "ed25519"))
    fields, comment = private_fields_and_comment(sec)
    put(d, "k", v1_private(pub, fields, comment, magic=b"openssh-key-v2\0"), 0o600); return "k"
@case("v1-no-padding", "openssh-key-v1 whose private section is not padded to 8 bytes")
def _(d, b):
    pub, sec = parse_v1(os.path.join(b, "ed25519"))
    fields, comment = private_fields_and_comment(sec)
    comment += b"x"
    while (8 + len(fields) + 4 + len(comment)) % 8 == 0: comment += b"x"   # make sure padding would be needed
    put(d, "k", v1_private(pub, fields, comment, pad=False), 0o600); return "k"
@case("v1-trailing-data", "openssh-key-v1 with 16 bytes after the private section")
def _(d, b):
    pub, sec = parse_v1(os.path.join(b, "ed25519"))
    fields, comment = private_fields_and_comment(sec)
    put(d, "k", v1_private(pub, fields, comment, trailing=b"\0" * 16), 0o600); return "k"
@case("v1-pub-mismatch", "openssh-key-v1 whose header public key is another key than the private section's (no .pub)")
def _(d, b):
    pub, sec = parse_v1(os.path.join(b, "ed25519"))
    fields, comment = private_fields_and_comment(sec)
    other = string("ssh-ed25519") + string(hashlib.sha256(b"other").digest())
    put(d, "k", v1_private(other, fields, comment), 0o600); return "k"
@case("v1-truncated", "openssh-key-v1 armour with the base64 cut in half")
def _(d, b):
    text = open(os.path.join(b, "ed25519"), "rb").read().split(b"\n")
    body = [l for l in text if l and not l.startswith(b"-----")]
    put(d, "k", BEGIN + b"\n".join(body[: len(body) // 2]) + b"\n" + END, 0o600); return "k"
@case("v1-no-end", "openssh-key-v1 without its END line")
def _(d, b):
    put(d, "k", open(os.path.join(b, "ed25519"), "rb").read().replace(END, b""), 0o600); return "k"

if __name__ == "__main__":
    if sys.argv[1] == "list":
        print("\n".join(CASES))
    elif sys.argv[1] == "case":
        about, fn = CASES[sys.argv[2]]
        target = fn(sys.argv[3], sys.argv[4])
        print(target); print(about)
