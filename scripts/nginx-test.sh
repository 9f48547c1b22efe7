#!/usr/bin/env bash
# Checks deploy/nginx-fazhi-portal.conf with `nginx -t`: the example inside a minimal nginx.conf,
# with a self-signed certificate made by openssl in place of the real one. Run by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$NGINX" ] || { echo "nginx is not installed (apt-get install nginx-light)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/logs"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=portal.example.gov.cn" \
  -keyout "$work/portal.key" -out "$work/portal.crt" 2>/dev/null
sed -e "s#/etc/nginx/tls/fazhi-portal.crt#$work/portal.crt#" -e "s#/etc/nginx/tls/fazhi-portal.key#$work/portal.key#" \
  deploy/nginx-fazhi-portal.conf > "$work/site.conf"
grep -q "$work/portal.crt" "$work/site.conf" || { echo "certificate path not substituted"; exit 1; }
cat > "$work/nginx.conf" <<CONF
pid $work/nginx.pid;
error_log $work/logs/error.log;
events {}
http {
  access_log off;
  client_body_temp_path $work/body;
  proxy_temp_path $work/proxy;
  include $work/site.conf;
}
CONF
"$NGINX" -t -p "$work" -c "$work/nginx.conf"
echo "nginx example ok"
