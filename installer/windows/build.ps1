# Builds SR Studio's Windows installer (.msi) with jpackage and WiX.
# Run on Windows after `mvn -B -DskipTests package` with JDK 17+ and WiX 3 (candle/light on PATH).
# Usage: powershell -File installer/windows/build.ps1 0.1.0   (mvn -Pinstaller package calls it)
param([Parameter(Mandatory = $true)][string]$Version)
$ErrorActionPreference = "Stop"
$Root = Resolve-Path "$PSScriptRoot\..\.."
$T = "$Root\target"
$Out = "$T\installer"
$Start = Get-Date
Remove-Item -Recurse -Force $Out -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force "$Out\input\lib", "$Out\input\native", "$Out\javafx", "$Out\package" | Out-Null

Get-ChildItem "$T\lib\*.jar" | ForEach-Object {
    if ($_.Name -like "javafx-*-win.jar") { Copy-Item $_.FullName "$Out\javafx\" }
    elseif ($_.Name -like "javafx-*" -or $_.Name -like "pytorch-native-cpu-*") { }
    else { Copy-Item $_.FullName "$Out\input\lib\" }
}
Copy-Item "$T\srstudio.jar" "$Out\input\"

# libtorch CPU natives and DJL's JNI library side by side (PYTORCH_LIBRARY_PATH=$APPDIR\native).
Push-Location $Out
jar xf (Get-ChildItem "$T\lib\pytorch-native-cpu-*.jar").FullName pytorch/cpu/win-x86_64
Move-Item "pytorch\cpu\win-x86_64\*" "input\native\"
jar xf (Get-ChildItem "$T\lib\pytorch-jni-*.jar").FullName jnilib/win-x86_64/cpu/djl_torch.dll
Move-Item "jnilib\win-x86_64\cpu\djl_torch.dll" "input\native\"
Pop-Location

New-Item -ItemType Directory -Force "$Out\input\models" | Out-Null
Get-ChildItem "$Root\models" -Directory | Where-Object { Test-Path "$($_.FullName)\model.json" } |
    ForEach-Object { Copy-Item -Recurse $_.FullName "$Out\input\models\" }
Copy-Item -Recurse "$Root\themes" "$Out\input\themes"

$Modules = "java.base,java.compiler,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,java.scripting,java.sql,java.xml,jdk.crypto.ec,jdk.charsets,jdk.localedata,jdk.management,jdk.random,jdk.unsupported,jdk.zipfs,javafx.base,javafx.graphics,javafx.controls,javafx.swing"
jlink --module-path "$Out\javafx" --add-modules $Modules --strip-debug --no-header-files --no-man-pages --compress=2 --output "$Out\runtime"

$JavaOptions = @()
Get-Content "$Root\installer\launcher.options" | Where-Object { $_ -and -not $_.StartsWith("#") } |
    ForEach-Object { $JavaOptions += @("--java-options", $_) }
$AppVersion = $Version.Split("-")[0]

jpackage --type msi --name srstudio --app-version $AppVersion --vendor "SR Studio developers" `
    --description "Compare image super-resolution models side by side" `
    --input "$Out\input" --main-jar srstudio.jar --main-class org.srstudio.app.Main --runtime-image "$Out\runtime" `
    --icon "$Root\installer\windows\srstudio.ico" --license-file "$Root\LICENSE" `
    --win-menu --win-menu-group "SR Studio" --win-shortcut --win-dir-chooser --win-console `
    --win-upgrade-uuid "5d0f7f3e-4b7e-4d39-9a55-4a2f0c6b9e11" `
    --file-associations "$Root\installer\windows\assoc-png.properties" `
    --file-associations "$Root\installer\windows\assoc-jpeg.properties" `
    --file-associations "$Root\installer\windows\assoc-webp.properties" `
    @JavaOptions --dest "$Out\package"

Get-ChildItem "$Out\package" | ForEach-Object { "Package: $($_.FullName) ($([math]::Round($_.Length / 1MB)) MB)" }
"Installer build time: $([int]((Get-Date) - $Start).TotalSeconds) s"
