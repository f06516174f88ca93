# Shared helpers for the CI scripts; sourced, not run.

# Prints a visible banner for the step about to run.
step() {
    printf '\n==> %s\n' "$*"
}

# Runs apt-get as root, through sudo when not root already.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    else
        sudo "$@"
    fi
}

# Installs the given Debian packages that are not installed yet (apt-get update first).
install_missing_packages() {
    local missing=()
    local package
    for package in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$package")
        fi
    done
    if [ "${#missing[@]}" -eq 0 ]; then
        step "system packages: all present ($*)"
        return
    fi
    step "installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get update -q </dev/null
    as_root apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
}

# Makes sure cargo (with rustfmt and clippy) is available, installing rustup if needed.
ensure_rust() {
    if ! command -v cargo >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/cargo" ]; then
        export PATH="$HOME/.cargo/bin:$PATH"
    fi
    if ! command -v cargo >/dev/null 2>&1; then
        install_missing_packages curl ca-certificates gcc libc6-dev
        step "installing the Rust toolchain with rustup (stable, minimal profile)"
        curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs \
            | sh -s -- -y --profile minimal --component rustfmt,clippy </dev/null
        export PATH="$HOME/.cargo/bin:$PATH"
    fi
    step "toolchain: $(cargo --version)"
}
