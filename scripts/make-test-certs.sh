#!/usr/bin/env bash
# Makes a throwaway test CA and the emulator's server certificates in $1.
# server.pem: 127.0.0.1, 127.0.0.2, localhost, api.cloudcraft.test. wronghost.pem: only wrong.cloudcraft.test.
set -euo pipefail
out=${1:?usage: make-test-certs.sh DIR}
mkdir -p "$out"
cd "$out"
umask 077
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 3650 \
    -subj "/CN=Cloudcraft Desktop Test CA" -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
issue() { # name SAN
    openssl req -newkey rsa:2048 -nodes -keyout "$1.key" -out "$1.csr" -subj "/CN=$1" 2>/dev/null
    printf 'subjectAltName=%s\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' "$2" > "$1.ext"
    openssl x509 -req -in "$1.csr" -CA ca.pem -CAkey ca.key -CAcreateserial -out "$1.pem" -days 3650 \
        -extfile "$1.ext" 2>/dev/null
    rm -f "$1.csr" "$1.ext"
}
issue server "IP:127.0.0.1,IP:127.0.0.2,DNS:localhost,DNS:api.cloudcraft.test"
issue wronghost "DNS:wrong.cloudcraft.test"
chmod 644 ca.pem server.pem wronghost.pem
