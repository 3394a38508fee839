#!/bin/bash
# make-corpus.sh [OUTDIR]: key files of every kind OpenSSH reads, each judged by the real ssh-keygen.
#
# OUTDIR (default: out/ beside this script) gets one directory per case:
#   about            one line: what the case is
#   target           the file name given to ssh-keygen (relative to the case directory, or an absolute path)
#   <files>          the key file(s) of the case (modes as ssh-keygen or the case made them)
#   LABEL.cmd        the command, shell-quoted, run from the case directory with a clean environment
#   LABEL.env        the environment it ran with (LC_ALL, limits)
#   LABEL.stdout / LABEL.stderr / LABEL.rc    what ssh-keygen printed and its exit code (124/137 = killed by timeout)
# LABELs: l = `ssh-keygen -l -f T` (LC_ALL=C), lv = `ssh-keygen -lv -f T` (LC_ALL=C), l.utf8 = `-l` with LC_ALL=C.UTF-8,
# plus a few special ones (md5, stdin). OUTDIR/manifest.json gathers everything (stdout/stderr as text when they
# are UTF-8, else base64 in *_b64), OUTDIR/manifest.tsv one row per run, OUTDIR/VERSION the ssh-keygen version.
# Keys are random: rerunning gives other keys and fingerprints, the same behaviour.
# Needs: ssh-keygen (OpenSSH), openssl, python3 (standard library only), coreutils timeout, GNU time. No root needed.
# KeysFingerprintCorpusTests runs it into a temp directory with CORPUS_KEEP_BIG=1 (the inputs over 1 MiB stay, so nvt
# reads the same files ssh-keygen read) and compares `nvt keys fingerprint` with every recorded run.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE/out}
KG=$(command -v ssh-keygen)
TIMEOUT=${CORPUS_TIMEOUT:-10}
rm -rf "$OUT"
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
umask 022

ssh -V > "$OUT/VERSION" 2>&1
openssl version >> "$OUT/VERSION"

# ------------------------------------------------------------------ helpers
# record DIR LABEL LOCALE [--stdin FILE] [--ulimit-v KB] -- COMMAND...: run COMMAND in DIR with a clean environment.
record() {
    local dir=$1 label=$2 loc=$3 stdin=/dev/null vlimit=
    shift 3
    while [ "$1" != -- ]; do
        case $1 in
            --stdin) stdin=$2; shift 2 ;;
            --ulimit-v) vlimit=$2; shift 2 ;;
        esac
    done
    shift
    printf '%q ' "$@" | sed 's/ $//' > "$dir/$label.cmd"
    echo >> "$dir/$label.cmd"
    { echo "LC_ALL=$loc"; [ -n "$vlimit" ] && echo "ulimit -v $vlimit (KiB)"; echo "timeout $TIMEOUT s"; } > "$dir/$label.env"
    (
        cd "$dir" || exit 99
        [ -n "$vlimit" ] && ulimit -v "$vlimit"
        env -i PATH=/usr/bin:/bin HOME=/nonexistent LC_ALL="$loc" timeout -k 2 "$TIMEOUT" "$@" \
            > "$label.stdout" 2> "$label.stderr" < "$stdin"
        echo $? > "$label.rc"
    )
}

# fp DIR TARGET: the three standard runs.
fp() {
    echo "$2" > "$1/target"
    record "$1" l C -- "$KG" -l -f "$2"
    record "$1" lv C -- "$KG" -lv -f "$2"
    record "$1" l.utf8 C.UTF-8 -- "$KG" -l -f "$2"
}

# newcase NAME ABOUT: creates OUT/NAME and prints its path.
newcase() {
    mkdir -p "$OUT/$1"
    echo "$2" > "$OUT/$1/about"
    echo "$OUT/$1"
}

gen() { # gen FILE TYPE BITS COMMENT PASSPHRASE [FORMAT]
    local f=$1 t=$2 b=$3 c=$4 p=$5 m=${6:-}
    "$KG" -q -t "$t" ${b:+-b "$b"} -C "$c" -N "$p" ${m:+-m "$m"} -f "$f" < /dev/null > /dev/null
}

# ------------------------------------------------------------------ base keys (ssh-keygen, openssh-key-v1)
BASE=$OUT/_base
mkdir -p "$BASE"
echo "the keys the other cases copy or derive from (not a case)" > "$BASE/about"
gen "$BASE/rsa" rsa 3072 "base rsa" ""
gen "$BASE/ed25519" ed25519 "" "base ed25519" ""
gen "$BASE/ecdsa256" ecdsa 256 "base ecdsa256" ""
gen "$BASE/ecdsa384" ecdsa 384 "base ecdsa384" ""
gen "$BASE/ecdsa521" ecdsa 521 "base ecdsa521" ""
gen "$BASE/dsa" dsa 1024 "base dsa" ""
PASS="corpus pass"

# ------------------------------------------------------------------ openssh-key-v1 from ssh-keygen
for spec in "rsa rsa 3072" "ed25519 ed25519 -" "ecdsa256 ecdsa 256" "ecdsa384 ecdsa 384" "ecdsa521 ecdsa 521" "dsa dsa 1024"; do
    set -- $spec
    name=$1 type=$2 bits=$3
    [ "$bits" = - ] && bits=
    d=$(newcase "v1-$name-pub" "ssh-keygen -t $type ${bits:+-b $bits}: the .pub file")
    cp "$BASE/$name.pub" "$d/id.pub"; fp "$d" id.pub
    d=$(newcase "v1-$name-priv" "ssh-keygen -t $type ${bits:+-b $bits}: the unencrypted private key, .pub beside it")
    cp -p "$BASE/$name" "$d/id"; cp -p "$BASE/$name.pub" "$d/id.pub"; fp "$d" id
    d=$(newcase "v1-$name-priv-nopub" "ssh-keygen -t $type ${bits:+-b $bits}: the unencrypted private key, no .pub")
    cp -p "$BASE/$name" "$d/id"; fp "$d" id
    d=$(newcase "v1-$name-enc-priv" "ssh-keygen -t $type ${bits:+-b $bits} -N PASS: encrypted private key (aes256-ctr, bcrypt), .pub beside it")
    gen "$d/id" "$type" "$bits" "enc $name" "$PASS"; fp "$d" id
    d=$(newcase "v1-$name-enc-priv-nopub" "ssh-keygen -t $type ${bits:+-b $bits} -N PASS: encrypted private key, no .pub")
    gen "$d/id" "$type" "$bits" "enc $name" "$PASS"; rm "$d/id.pub"; fp "$d" id
done

# .pub next to a private key, in ways that differ from the key
d=$(newcase v1-pub-other-key "private key id with an id.pub that holds ANOTHER key (which fingerprint wins?)")
cp -p "$BASE/ed25519" "$d/id"; cp "$BASE/rsa.pub" "$d/id.pub"; fp "$d" id
d=$(newcase v1-pub-garbage "private key id with an id.pub that is garbage")
cp -p "$BASE/ed25519" "$d/id"; echo "this is not a key" > "$d/id.pub"; fp "$d" id
d=$(newcase v1-pub-is-directory "private key id with an id.pub that is a directory")
cp -p "$BASE/ed25519" "$d/id"; mkdir "$d/id.pub"; fp "$d" id
d=$(newcase v1-priv-mode-0644 "unencrypted private key id with mode 0644 (ssh-keygen's own permission check), .pub beside it")
cp "$BASE/ed25519" "$d/id"; chmod 644 "$d/id"; cp "$BASE/ed25519.pub" "$d/id.pub"; fp "$d" id
d=$(newcase v1-priv-mode-0644-nopub "unencrypted private key id with mode 0644, no .pub")
cp "$BASE/ed25519" "$d/id"; chmod 644 "$d/id"; fp "$d" id
d=$(newcase v1-priv-mode-0640-nopub "unencrypted private key id with mode 0640 (group read only), no .pub")
cp "$BASE/ed25519" "$d/id"; chmod 640 "$d/id"; fp "$d" id
d=$(newcase v1-enc-priv-mode-0644-nopub "encrypted private key id with mode 0644, no .pub")
cp "$OUT/v1-ed25519-enc-priv-nopub/id" "$d/id"; chmod 644 "$d/id"; fp "$d" id
d=$(newcase v1-pub-is-fifo "private key id with an id.pub that is a FIFO nobody writes (hangs?)")
cp -p "$BASE/ed25519" "$d/id"; mkfifo "$d/id.pub"; TIMEOUT=3 fp "$d" id

# ------------------------------------------------------------------ empty comments
d=$(newcase comment-empty-pub "ssh-keygen -C '': the .pub (line ends after the base64)")
gen "$d/id" ed25519 "" "" ""; rm "$d/id"; fp "$d" id.pub
d=$(newcase comment-empty-priv "ssh-keygen -C '': the private key, .pub beside it (also without comment)")
gen "$d/id" ed25519 "" "" ""; fp "$d" id
d=$(newcase comment-empty-priv-nopub "ssh-keygen -C '': the private key, no .pub")
gen "$d/id" ed25519 "" "" ""; rm "$d/id.pub"; fp "$d" id
d=$(newcase comment-empty-enc-priv "ssh-keygen -C '' -N PASS: encrypted private key, .pub without comment")
gen "$d/id" ed25519 "" "" "$PASS"; fp "$d" id
d=$(newcase comment-empty-pub-trailing-space "a .pub line that ends in one space after the base64")
printf '%s \n' "$(cut -d' ' -f1,2 "$BASE/ed25519.pub")" > "$d/id.pub"; fp "$d" id.pub

# ------------------------------------------------------------------ PEM / PKCS8 private keys
for spec in "rsa rsa 3072" "ecdsa256 ecdsa 256" "ecdsa384 ecdsa 384" "ecdsa521 ecdsa 521" "dsa dsa 1024" "ed25519 ed25519 -"; do
    set -- $spec
    name=$1 type=$2 bits=$3
    [ "$bits" = - ] && bits=
    for fmt in PEM PKCS8; do
        lf=$(echo $fmt | tr A-Z a-z)
        for enc in plain enc; do
            pass=; [ $enc = enc ] && pass=$PASS
            d=$(newcase "$lf-$name-$enc-priv" "ssh-keygen -t $type ${bits:+-b $bits} -m $fmt${pass:+ -N PASS}: private key, .pub beside it")
            gen "$d/id" "$type" "$bits" "$lf $name $enc" "$pass" "$fmt"
            head -1 "$d/id" > "$d/first-line"
            fp "$d" id
            d=$(newcase "$lf-$name-$enc-priv-nopub" "ssh-keygen -t $type ${bits:+-b $bits} -m $fmt${pass:+ -N PASS}: private key, no .pub")
            gen "$d/id" "$type" "$bits" "$lf $name $enc" "$pass" "$fmt"
            rm "$d/id.pub"
            head -1 "$d/id" > "$d/first-line"
            fp "$d" id
        done
    done
done

d=$(newcase pem-rsa-plain-mode-0644-nopub "PEM RSA private key with mode 0644, no .pub")
cp "$OUT/pem-rsa-plain-priv-nopub/id" "$d/id"; chmod 644 "$d/id"; fp "$d" id

# Ed25519 in PKCS#8 as OpenSSL writes it (ssh-keygen 9.2 writes Ed25519 in openssh-key-v1 whatever -m says)
d=$(newcase openssl-ed25519-pkcs8-nopub "openssl genpkey -algorithm ed25519 (BEGIN PRIVATE KEY), no .pub")
openssl genpkey -algorithm ed25519 -out "$d/id" 2>/dev/null; chmod 600 "$d/id"; fp "$d" id
d=$(newcase openssl-ed25519-pkcs8-enc-nopub "openssl pkcs8 -topk8 -v2 aes256 of an Ed25519 key (BEGIN ENCRYPTED PRIVATE KEY), no .pub")
openssl genpkey -algorithm ed25519 2>/dev/null | openssl pkcs8 -topk8 -v2 aes256 -passout pass:corpus -out "$d/id"; chmod 600 "$d/id"; fp "$d" id
d=$(newcase openssl-rsa-traditional-nopub "openssl genrsa -traditional 2048 (BEGIN RSA PRIVATE KEY), no .pub")
openssl genrsa -traditional -out "$d/id" 2048 2>/dev/null; chmod 600 "$d/id"; fp "$d" id
d=$(newcase openssl-ec-sec1-nopub "openssl ecparam -genkey -name prime256v1 (BEGIN EC PARAMETERS + BEGIN EC PRIVATE KEY), no .pub")
openssl ecparam -genkey -name prime256v1 -out "$d/id" 2>/dev/null; chmod 600 "$d/id"; fp "$d" id
d=$(newcase openssl-ec-secp256k1-nopub "openssl EC key on secp256k1 (a curve OpenSSH does not support), no .pub")
openssl ecparam -genkey -name secp256k1 -noout -out "$d/id" 2>/dev/null; chmod 600 "$d/id"; fp "$d" id
d=$(newcase openssl-rsa-1024-nopub "openssl genrsa -traditional 1024: below nothing, at OpenSSH's minimum")
openssl genrsa -traditional -out "$d/id" 1024 2>/dev/null; chmod 600 "$d/id"; fp "$d" id
d=$(newcase openssl-rsa-768-nopub "openssl genrsa -traditional 768: below OpenSSH's 1024-bit minimum")
openssl genrsa -traditional -out "$d/id" 768 2>/dev/null; chmod 600 "$d/id"; fp "$d" id

# ------------------------------------------------------------------ public key export formats (ssh-keygen -e)
for name in rsa ed25519 ecdsa256 dsa; do
    d=$(newcase "rfc4716-$name" "ssh-keygen -e -f $name.pub (---- BEGIN SSH2 PUBLIC KEY ----, RFC 4716)")
    "$KG" -e -f "$BASE/$name.pub" > "$d/id.pub"; fp "$d" id.pub
done
for name in rsa ecdsa256; do
    d=$(newcase "pkcs8pub-$name" "ssh-keygen -e -m PKCS8 -f $name.pub (BEGIN PUBLIC KEY)")
    "$KG" -e -m PKCS8 -f "$BASE/$name.pub" > "$d/id.pub"; fp "$d" id.pub
done
d=$(newcase pempub-rsa "ssh-keygen -e -m PEM -f rsa.pub (BEGIN RSA PUBLIC KEY)")
"$KG" -e -m PEM -f "$BASE/rsa.pub" > "$d/id.pub"; fp "$d" id.pub
d=$(newcase rfc4716-long-comment "RFC 4716 file with a quoted Comment header continued over two lines (backslash)")
{
    echo "---- BEGIN SSH2 PUBLIC KEY ----"
    echo 'Comment: "a long comment that goes on and \'
    echo 'on over a second line"'
    cut -d' ' -f2 "$BASE/ed25519.pub" | fold -w 70
    echo "---- END SSH2 PUBLIC KEY ----"
} > "$d/id.pub"
fp "$d" id.pub

# ------------------------------------------------------------------ hand-built cases (FIDO, structure, comments, broken v1)
for name in $(python3 "$HERE/build.py" list); do
    d="$OUT/$name"
    mkdir -p "$d"
    info=$(python3 "$HERE/build.py" case "$name" "$d" "$BASE")
    echo "$info" | sed -n 2p > "$d/about"
    fp "$d" "$(echo "$info" | sed -n 1p)"
done

# FIDO private keys encrypted by ssh-keygen -p (loading them needs no device)
for kind in ed25519 ecdsa; do
    d=$(newcase "sk-$kind-enc-priv-nopub" "the hand-built sk-$kind private key encrypted with ssh-keygen -p -N PASS, no .pub")
    cp -p "$OUT/sk-$kind-priv-nopub/id_${kind}_sk" "$d/id"
    "$KG" -q -p -P "" -N "$PASS" -f "$d/id" > "$d/keygen-p.out" 2>&1
    echo $? > "$d/keygen-p.rc"
    fp "$d" id
done
# ssh-keygen -y on the hand-built FIDO keys: does it accept them as private keys?
for kind in ed25519 ecdsa; do
    d=$OUT/sk-$kind-priv-nopub
    record "$d" y C -- "$KG" -y -f "id_${kind}_sk"
done

# ------------------------------------------------------------------ certificates
CA=$OUT/_base/ca
gen "$CA" ed25519 "" "corpus ca" ""
cert() { # cert NAME ABOUT SRC.pub [extra ssh-keygen -s options]
    local name=$1 about=$2 src=$3; shift 3
    local d; d=$(newcase "$name" "$about")
    cp "$src" "$d/id.pub"
    "$KG" -q -s "$CA" -I "corpus id" -n user,other "$@" "$d/id.pub" > "$d/sign.out" 2>&1
    echo $? > "$d/sign.rc"
    rm -f "$d/id.pub"
    fp "$d" id-cert.pub
}
cert cert-rsa "user certificate of an RSA key (ssh-keygen -s ca -I id -n user,other)" "$BASE/rsa.pub"
cert cert-ed25519 "user certificate of an Ed25519 key" "$BASE/ed25519.pub"
cert cert-ecdsa256 "user certificate of an ECDSA P-256 key" "$BASE/ecdsa256.pub"
cert cert-ecdsa521 "user certificate of an ECDSA P-521 key" "$BASE/ecdsa521.pub"
cert cert-dsa "user certificate of a DSA key" "$BASE/dsa.pub"
cert cert-sk-ed25519 "user certificate of the hand-built sk-ed25519 key" "$OUT/sk-ed25519-pub/id_ed25519_sk.pub"
cert cert-sk-ecdsa "user certificate of the hand-built sk-ecdsa key" "$OUT/sk-ecdsa-pub/id_ecdsa_sk.pub"
cert cert-host-ed25519 "host certificate (-h) of an Ed25519 key" "$BASE/ed25519.pub" -h
d=$(newcase cert-empty-comment "certificate of a key whose .pub has no comment")
cut -d' ' -f1,2 "$BASE/ed25519.pub" > "$d/id.pub"
"$KG" -q -s "$CA" -I "corpus id" -n user "$d/id.pub" > "$d/sign.out" 2>&1; rm "$d/id.pub"; fp "$d" id-cert.pub
d=$(newcase cert-with-private "private key id with id.pub and id-cert.pub beside it (does -l look at the certificate?)")
cp -p "$BASE/ed25519" "$d/id"; cp "$BASE/ed25519.pub" "$d/id.pub"
"$KG" -q -s "$CA" -I "corpus id" -n user "$d/id.pub" > "$d/sign.out" 2>&1
fp "$d" id

# ------------------------------------------------------------------ authorized_keys
ED=$(cut -d' ' -f1,2 "$BASE/ed25519.pub")
RSA=$(cut -d' ' -f1,2 "$BASE/rsa.pub")
EC=$(cut -d' ' -f1,2 "$BASE/ecdsa256.pub")
ak() { # ak NAME ABOUT CONTENT(printf format, no args)
    local d; d=$(newcase "$1" "$2")
    printf '%s' "$3" > "$d/authorized_keys"
    fp "$d" authorized_keys
}
ak ak-command-quoted 'authorized_keys: command="echo hi",no-pty KEY comment' "command=\"echo hi\",no-pty $ED c
"
ak ak-command-nocomment 'authorized_keys: command="echo hi",no-pty KEY (no comment)' "command=\"echo hi\",no-pty $ED
"
ak ak-from-quoted-space 'authorized_keys: from="192.0.2.1,host name" KEY comment' "from=\"192.0.2.1,host name\" $RSA rsa from
"
ak ak-escaped-quote 'authorized_keys: command="echo \"a b\"",no-pty KEY comment' "command=\"echo \\\"a b\\\"\",no-pty $ED esc
"
ak ak-restrict 'authorized_keys: restrict KEY comment' "restrict $ED r
"
ak ak-environment 'authorized_keys: environment="A=b c" KEY comment' "environment=\"A=b c\" $EC env
"
ak ak-cert-authority 'authorized_keys: cert-authority,principals="a b" KEY comment' "cert-authority,principals=\"a b\" $ED ca
"
ak ak-tab-after-options 'authorized_keys: no-pty<TAB>KEY comment' "no-pty	$ED t
"
ak ak-unterminated-quote 'authorized_keys: command="echo hi KEY comment (quote never closed)' "command=\"echo hi $ED c
"
ak ak-options-only 'authorized_keys: a line with options and no key' "command=\"echo hi\",no-pty
"
ak ak-keytype-in-option 'authorized_keys: command="ssh-ed25519 x" KEY comment (a key type name inside a quoted option)' "command=\"ssh-ed25519 x\" $ED kt
"
ak ak-duplicate 'the same key on two lines, different comments' "$ED first
$ED second
"
ak ak-ssh1-rsa 'an SSH-1 RSA key line (bits e n comment): OpenSSH 9.2 has no SSH-1' "1024 65537 12345678901234567890123 ssh1 key
"
ak ak-mixed 'a file with comments, blank lines, good keys and bad lines (line numbers matter)' "# comment line
$ED good one

not a key at all
$RSA good two
ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB truncated
ssh-foo AAAAB3NzaC1yc2E= unknown type
  command=\"x\" $EC good three with options
$ED crlf line
"
# make line 9 really CRLF, then judge again
python3 - "$OUT/ak-mixed/authorized_keys" <<'PY'
import sys
p = sys.argv[1]; b = open(p, "rb").read().replace(b"crlf line\n", b"crlf line\r\n"); open(p, "wb").write(b)
PY
for l in l lv l.utf8; do rm -f "$OUT/ak-mixed/$l".*; done
fp "$OUT/ak-mixed" authorized_keys
ak ak-all-garbage 'a file whose every line is not a key' "not a key
ssh-ed25519 AAAA
# only a comment
"
ak ak-only-comments 'a file with only comments and blank lines' "# a

# b
"

# ------------------------------------------------------------------ known_hosts
KH="host1,192.0.2.1 $ED
[host2]:2222 $RSA
*.example.org,!bad.example.org $EC
host4 $ED trailing comment
"
d=$(newcase kh-plain "known_hosts with a host list, [host]:port, wildcard+negation and a trailing comment")
printf '%s' "$KH" > "$d/known_hosts"; fp "$d" known_hosts
d=$(newcase kh-hashed "the same known_hosts hashed with ssh-keygen -H (|1|salt|hmac)")
printf '%s' "$KH" > "$d/known_hosts"; "$KG" -q -H -f "$d/known_hosts" > /dev/null 2>&1; rm -f "$d/known_hosts.old"; fp "$d" known_hosts
d=$(newcase kh-markers "known_hosts with @cert-authority and @revoked lines and one plain line")
printf '%s' "@cert-authority *.example.org $ED ca
@revoked host3 $RSA
host5 $EC
" > "$d/known_hosts"; fp "$d" known_hosts

# ------------------------------------------------------------------ stdin, md5
d=$(newcase stdin-pub "ssh-keygen -l -f - with a .pub on stdin")
cp "$BASE/ed25519.pub" "$d/input"; echo - > "$d/target"
record "$d" l C --stdin "$d/input" -- "$KG" -l -f -
record "$d" lv C --stdin "$d/input" -- "$KG" -lv -f -
d=$(newcase stdin-private "ssh-keygen -l -f - with a private key on stdin")
cp -p "$BASE/ed25519" "$d/input"; echo - > "$d/target"
record "$d" l C --stdin "$d/input" -- "$KG" -l -f -
d=$(newcase md5-rsa "ssh-keygen -l -E md5 on an RSA .pub")
cp "$BASE/rsa.pub" "$d/id.pub"; fp "$d" id.pub
record "$d" md5 C -- "$KG" -l -E md5 -f id.pub
record "$d" md5v C -- "$KG" -lv -E md5 -f id.pub

# ------------------------------------------------------------------ hostile files
d=$(newcase hostile-fifo "a FIFO named id.pub that nobody writes to (timeout 3 s)")
mkfifo "$d/id.pub"; TIMEOUT=3 fp "$d" id.pub
d=$(newcase hostile-dev-zero "/dev/zero under ulimit -v 1 GiB, timeout 20 s (an endless line of NUL bytes)")
echo /dev/zero > "$d/target"
TIMEOUT=20 record "$d" l C --ulimit-v 1048576 -- /usr/bin/time -f "maxrss_kb=%M elapsed=%e" "$KG" -l -f /dev/zero
d=$(newcase hostile-dev-null "/dev/null (empty)"); fp "$d" /dev/null
d=$(newcase hostile-empty "an empty regular file"); : > "$d/id.pub"; fp "$d" id.pub
d=$(newcase hostile-blank "a file of blank lines and spaces"); printf '\n   \n\t\n' > "$d/id.pub"; fp "$d" id.pub
d=$(newcase hostile-directory "a directory named id.pub"); mkdir "$d/id.pub"; fp "$d" id.pub
d=$(newcase hostile-missing "a file that does not exist"); fp "$d" nosuchfile.pub
d=$(newcase hostile-symlink "a symbolic link to a .pub"); cp "$BASE/ed25519.pub" "$d/real.pub"; ln -s real.pub "$d/id.pub"; fp "$d" id.pub
d=$(newcase hostile-dangling-symlink "a symbolic link to nothing"); ln -s nothing.pub "$d/id.pub"; fp "$d" id.pub
d=$(newcase hostile-nul-byte "a .pub whose comment holds a NUL byte")
{ cut -d' ' -f1,2 "$BASE/ed25519.pub" | tr -d '\n'; printf ' before\0after\n'; } > "$d/id.pub"; fp "$d" id.pub
d=$(newcase hostile-huge-line "64 MiB of 'A' on one line, no newline (time and memory)")
head -c $((64 * 1024 * 1024)) /dev/zero | tr '\0' A > "$d/id.pub"
echo id.pub > "$d/target"
TIMEOUT=60 record "$d" l C -- /usr/bin/time -f "maxrss_kb=%M elapsed=%e" "$KG" -l -f id.pub
d=$(newcase hostile-many-lines "200,000 copies of one key line (8.5 MB): how long -l takes")
python3 -c "
import sys; line = open(sys.argv[1]).read(); open(sys.argv[2], 'w').write(line * 200000)" "$BASE/ed25519.pub" "$d/id.pub"
echo id.pub > "$d/target"
TIMEOUT=120 record "$d" l C -- sh -c "/usr/bin/time -f 'maxrss_kb=%M elapsed=%e' $KG -l -f id.pub | sort | uniq -c"
d=$(newcase hostile-huge-private "an openssh-key-v1 armour over 2 MiB of base64 (beyond the private key size limit?)")
{ echo "-----BEGIN OPENSSH PRIVATE KEY-----"; head -c $((1536 * 1024)) /dev/urandom | base64 -w 70; echo "-----END OPENSSH PRIVATE KEY-----"; } > "$d/id"
chmod 600 "$d/id"; fp "$d" id
d=$(newcase hostile-huge-valid-private "a valid Ed25519 openssh-key-v1 file followed by 2 MiB of blank lines (size limit of the private key reader?)")
{ cat "$BASE/ed25519"; head -c $((2 * 1024 * 1024)) /dev/zero | tr '\0' '\n'; } > "$d/id"; chmod 600 "$d/id"; fp "$d" id
d=$(newcase hostile-private-header-only "a file whose first line says PRIVATE KEY and nothing else")
echo "-----BEGIN OPENSSH PRIVATE KEY-----" > "$d/id"; chmod 600 "$d/id"; fp "$d" id
d=$(newcase hostile-private-word "a public key file whose first line has the words PRIVATE KEY in its comment")
printf '%s my PRIVATE KEY laptop\n' "$ED" > "$d/id.pub"; fp "$d" id.pub

# the big inputs are cheap to make again and too big to keep as fixtures
[ "${CORPUS_KEEP_BIG:-0}" = 1 ] || for c in hostile-huge-line hostile-many-lines hostile-huge-private hostile-huge-valid-private; do
    for f in "$OUT/$c"/id "$OUT/$c"/id.pub; do
        [ -f "$f" ] && [ "$(stat -c %s "$f")" -gt 1048576 ] && { echo "$(stat -c %s "$f") bytes, removed after the runs; make-corpus.sh makes it again" > "$f.removed"; rm "$f"; }
    done
done

# ------------------------------------------------------------------ manifest
python3 - "$OUT" <<'PY'
import base64, json, os, sys
out = sys.argv[1]
cases, rows = [], []
def text(b):
    try:
        return {"text": b.decode("utf-8")}
    except UnicodeDecodeError:
        return {"b64": base64.b64encode(b).decode()}
for name in sorted(os.listdir(out)):
    d = os.path.join(out, name)
    if not os.path.isdir(d) or name.startswith("_"):
        continue
    rd = lambda f: open(os.path.join(d, f), "rb").read() if os.path.exists(os.path.join(d, f)) else b""
    labels = sorted({f[:-4] for f in os.listdir(d) if f.endswith(".cmd")})
    runs = {}
    for l in labels:
        so, se = rd(l + ".stdout"), rd(l + ".stderr")
        r = {"cmd": rd(l + ".cmd").decode().strip(), "env": rd(l + ".env").decode().split("\n")[0],
             "rc": int(rd(l + ".rc") or b"-1")}
        for k, v in (("stdout", so), ("stderr", se)):
            t = text(v)
            r[k if "text" in t else k + "_b64"] = t.get("text", t.get("b64"))
        runs[l] = r
        first = lambda b: b.split(b"\n")[0].decode("utf-8", "backslashreplace").replace("\t", "\\t").replace("\r", "\\r")
        rows.append("\t".join([name, l, str(r["rc"]), first(so), first(se)]))
    files = sorted(f for f in os.listdir(d) if not any(f.startswith(l + ".") for l in labels) and f not in ("about", "target"))
    cases.append({"case": name, "about": rd("about").decode().strip(), "target": rd("target").decode().strip(),
                  "files": files, "runs": runs})
json.dump({"version": open(os.path.join(out, "VERSION")).read().strip().split("\n"), "cases": cases},
          open(os.path.join(out, "manifest.json"), "w"), indent=1, ensure_ascii=False)
open(os.path.join(out, "manifest.tsv"), "w").write("case\tlabel\trc\tstdout line 1\tstderr line 1\n" + "\n".join(rows) + "\n")
print(f"{len(cases)} cases, {len(rows)} runs -> {out}/manifest.json")
PY
