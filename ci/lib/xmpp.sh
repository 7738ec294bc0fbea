# shellcheck shell=bash
# What the start.sh of the two XMPP servers (ci/prosody, ci/ejabberd) share on
# top of common.sh: the checks of the domains and accounts, the self-signed
# certificate, and the STARTTLS probe that finds which SASL mechanisms the
# server really offers. Sourced after common.sh, never run. Uses the script's
# DOMAIN, ANON_DOMAIN, ACCOUNTS, HOST, PORT, STATE_DIR, CERT_DIR, CERT, KEY.
set -euo pipefail

# --- checks --------------------------------------------------------------------

# DOMAIN and ANON_DOMAIN: plain DNS names, and not the same.
check_domains() {
  local d
  for d in "$DOMAIN" "$ANON_DOMAIN"; do
    [[ "$d" =~ ^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$ ]] \
      || die "'$d' is not a plain DNS name (letters, digits, dots, hyphens)"
  done
  [ "$DOMAIN" != "$ANON_DOMAIN" ] || die "${CI_PREFIX}_ANON_DOMAIN must differ from ${CI_PREFIX}_DOMAIN"
}

# Splits ACCOUNTS ("user:password ...") into ACCOUNT_LIST, checking each entry.
parse_accounts() {
  local a
  read -r -a ACCOUNT_LIST <<<"$ACCOUNTS"
  [ "${#ACCOUNT_LIST[@]}" -gt 0 ] || die "${CI_PREFIX}_ACCOUNTS is empty"
  for a in "${ACCOUNT_LIST[@]}"; do
    [[ "$a" == ?*:?* ]] || die "${CI_PREFIX}_ACCOUNTS entry '$a' is not user:password"
    [[ "${a%%:*}" =~ ^[a-z0-9._-]+$ ]] || die "account name '${a%%:*}' must be lowercase letters, digits, . _ -"
  done
}

# --- certificate ---------------------------------------------------------------

# Makes CERT and KEY anew in CERT_DIR: a self-signed certificate for DOMAIN and
# ANON_DOMAIN (and IP 127.0.0.1 for localhost) that is its own CA, so that the
# tests can trust it alone. Ownership and modes are the script's business.
make_self_signed_cert() {
  local san="DNS:$DOMAIN,DNS:$ANON_DOMAIN"
  [ "$DOMAIN" = localhost ] && san="$san,IP:127.0.0.1"
  mkdir -p "$CERT_DIR"
  rm -f "$CERT" "$KEY"
  openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 365 \
    -subj "/CN=$DOMAIN" \
    -addext "subjectAltName=$san" \
    -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,digitalSignature,keyEncipherment,keyCertSign" \
    -addext "extendedKeyUsage=serverAuth" \
    -keyout "$KEY" -out "$CERT" 2>"$STATE_DIR/openssl.err" \
    || { cat "$STATE_DIR/openssl.err" >&2; die "openssl could not make the certificate"; }
}

# --- STARTTLS probe ------------------------------------------------------------

# Says why starttls_features got no features: $1 the domain, $2 the stage
# (tls, auth, sasl), $3 what the server sent. openssl's stderr follows. A
# script may define its own after sourcing this file.
say_no_features() { say "no stream features ($2) on $1; got: $3"; }

# starttls_features TO [LOGIN [S_CLIENT_OPTION...]]
# Prints what the server at HOST:PORT sends after STARTTLS on a stream to TO,
# up to the end of the <stream:features/>, read through openssl s_client
# (which also checks the certificate against CERT as CA file and the name TO).
# If LOGIN is user:password, it then authenticates with PLAIN, restarts the
# stream and prints the features after SASL instead. Further arguments go to
# s_client (-tls1_2). Status 1, with openssl's errors, when no features came.
starttls_features() {
  local to=$1 login=${2:-}
  shift
  [ "$#" -eq 0 ] || shift
  local buf="" chunk="" deadline=$((SECONDS + 15)) rc=0 stage=tls
  coproc PROBE {
    exec openssl s_client -quiet -no_ign_eof -starttls xmpp -xmpphost "$to" -servername "$to" \
      -connect "$HOST:$PORT" -CAfile "$CERT" -verify_return_error -verify_hostname "$to" \
      "$@" 2>"$STATE_DIR/probe.err"
  }
  local in=${PROBE[1]} out=${PROBE[0]} ppid=$PROBE_PID
  local header="<?xml version='1.0'?><stream:stream to='$to' version='1.0' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>"
  printf '%s' "$header" >&"$in" || true
  while [ "$SECONDS" -lt "$deadline" ]; do
    if [[ "$buf" == *"</stream:features>"* ]]; then
      if [ "$stage" = tls ] && [ -n "$login" ]; then
        stage=auth
        buf=""
        printf "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>%s</auth>" \
          "$(printf '\0%s\0%s' "${login%%:*}" "${login#*:}" | base64 -w0)" >&"$in" || true
        continue
      fi
      break
    fi
    if [ "$stage" = auth ] && [[ "$buf" == *"<success"* ]]; then
      stage=sasl
      buf=""
      printf '%s' "$header" >&"$in" || true
      continue
    fi
    if [ "$stage" = auth ] && [[ "$buf" == *"</failure>"* ]]; then
      break
    fi
    chunk=""
    if IFS= read -r -t 2 -d '>' chunk <&"$out"; then
      buf+="$chunk>"
    else
      rc=$?
      buf+="$chunk"
      [ "$rc" -gt 128 ] || break   # not a timeout: end of output
    fi
  done
  # Close our stream and stdin: s_client then sends close_notify and exits.
  { printf '</stream:stream>' >&"$in"; } 2>/dev/null || true
  exec {in}>&-
  local until=$((SECONDS + 3))
  while kill -0 "$ppid" 2>/dev/null && [ "$SECONDS" -lt "$until" ]; do sleep 0.05; done
  kill "$ppid" 2>/dev/null || true
  wait "$ppid" 2>/dev/null || true
  if [[ "$buf" != *"</stream:features>"* ]]; then
    say_no_features "$to" "$stage" "$buf"
    cat "$STATE_DIR/probe.err" >&2 || true
    return 1
  fi
  printf '%s\n' "${buf#*<stream:features}" | sed 's/^/<stream:features/; s#</stream:features>.*#</stream:features>#'
}

mechanisms_of() {  # features XML on stdin -> space-separated mechanism names
  { grep -o '<mechanism>[^<]*</mechanism>' || true; } | sed 's/<[^>]*>//g' | paste -sd' ' -
}
