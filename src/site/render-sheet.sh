#!/usr/bin/env bash
# Renders the first page of the Derivatives sheet of the worked example's workbook, as
# LibreOffice prints it, to the picture the README shows. Run from anywhere, after
# `mvn -q -B package -DskipTests`; needs soffice (libreoffice-calc-nogui) and poppler-utils.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=target/readme-image
image=src/site/resources/images/derivatives
mkdir -p "$out"

java -jar target/gradbook.jar run templates/worked-example.xlsx -o "$out/example.xlsx"
soffice -env:UserInstallation="file://$PWD/$out/profile" --headless --norestore \
    --convert-to pdf --outdir "$out" "$out/example.xlsx" >/dev/null

pages=$(pdfinfo "$out/example.pdf" | awk '/^Pages:/ { print $2 }')
for ((page = 1; page <= pages; page++)); do
    if pdftotext -f "$page" -l "$page" "$out/example.pdf" - | grep -q "Derivatives, page"; then
        # The top of the page, where the factors begin, at 100 dots per inch.
        pdftoppm -png -r 100 -f "$page" -l "$page" -x 0 -y 40 -W 1100 -H 520 -singlefile \
            "$out/example.pdf" "$image"
        echo "wrote $image.png from page $page"
        exit 0
    fi
done
echo "render-sheet.sh: no page of the Derivatives sheet in $out/example.pdf" >&2
exit 1
