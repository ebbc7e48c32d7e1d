; Sáng Kiến Desktop — Windows installer (Inno Setup 6.3 or newer).
;
; Per-user install, no administrator rights: the program goes to
; %LOCALAPPDATA%\Programs\SangKienDesktop ({autopf} when PrivilegesRequired=lowest is {userpf}),
; a Start-menu shortcut and (ticked by default) a desktop shortcut. Uninstalling removes the
; program only: the user's data folder %LOCALAPPDATA%\SangKien\SangKienDesktop (database,
; attachments, backups; platformdirs.user_data_dir in sangkien_desktop/paths.py) and the
; settings in HKCU\Software\SangKien\SangKienDesktop (QSettings) are kept.
;
; Build (on Windows, after the PyInstaller build has produced dist\sangkien-desktop\):
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" packaging\windows\sangkien.iss
; or with an explicit version:  ISCC /DAppVersion=0.1.0 packaging\windows\sangkien.iss
; Output: dist\sangkien-desktop-<version>-windows-x64-setup.exe. See packaging/README.md.
;
; An IT administrator may still install for every user of the PC: setup.exe /ALLUSERS
; (then {autopf} is Program Files and the shortcuts go to the common Start menu / desktop).

#define AppName "Sáng Kiến Desktop"
#define AppExe "sangkien-desktop.exe"
#define Bundle AddBackslash(SourcePath) + "..\..\dist\sangkien-desktop"

#if !FileExists(Bundle + "\" + AppExe)
  #error "dist\sangkien-desktop\sangkien-desktop.exe not found: run PyInstaller first (packaging/README.md)"
#endif

; The version resource packaging/sangkien.spec writes into the executable: ProductVersion is
; sangkien_desktop.__version__ ("0.1.0"), the fixed block its numbers ("0.1.0.0").
#define AppVersionNumbers GetVersionNumbersString(Bundle + "\" + AppExe)
#ifndef AppVersion
  #define AppVersion GetFileProductVersionString(Bundle + "\" + AppExe)
#endif

; Vietnamese messages for the installer itself: official in recent Inno Setup releases
; (Languages\Vietnamese.isl); older releases have it only among the unofficial translations
; (jrsoftware.org/files/istrans/ — save it as Languages\Unofficial\Vietnamese.isl under the
; Inno Setup folder, or beside this script). Without any, the installer is English only.
#if FileExists(AddBackslash(CompilerPath) + "Languages\Vietnamese.isl")
  #define VietnameseIsl "compiler:Languages\Vietnamese.isl"
#elif FileExists(AddBackslash(CompilerPath) + "Languages\Unofficial\Vietnamese.isl")
  #define VietnameseIsl "compiler:Languages\Unofficial\Vietnamese.isl"
#elif FileExists(AddBackslash(SourcePath) + "Vietnamese.isl")
  #define VietnameseIsl AddBackslash(SourcePath) + "Vietnamese.isl"
#else
  #pragma message "Vietnamese.isl not found: building an English-only installer"
#endif

[Setup]
; Never change AppId: it is how an upgrade finds the installed copy.
AppId={{EC241B0D-31C9-4974-9C6E-02F1208CDB71}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=SangKien
VersionInfoVersion={#AppVersionNumbers}
VersionInfoProductName={#AppName}
DefaultDirName={autopf}\SangKienDesktop
; One Start-menu shortcut, no folder (Windows 10/11 style): no program-group page.
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline
UsedUserAreasWarning=no
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SetupIconFile=..\..\resources\icons\sangkien.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
; Ask for the installer's language only when Windows speaks neither of ours.
ShowLanguageDialog=auto
Compression=lzma2/max
SolidCompression=yes
OutputDir=..\..\dist
OutputBaseFilename=sangkien-desktop-{#AppVersion}-windows-x64-setup
; Close a running copy (Restart Manager) before replacing its files.
CloseApplications=yes
RestartApplications=no

[Languages]
#ifdef VietnameseIsl
Name: "vi"; MessagesFile: "{#VietnameseIsl}"
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
#ifdef VietnameseIsl
vi.DataKept=Dữ liệu của bạn (cơ sở dữ liệu, tệp đính kèm, bản sao lưu) vẫn được giữ nguyên tại:%n%n%1%n%nCài lại Sáng Kiến Desktop sẽ mở lại đúng dữ liệu này. Muốn xóa hẳn, hãy xóa thư mục đó sau khi đã sao lưu.
#endif
en.DataKept=Your data (database, attachments, backups) is kept in:%n%n%1%n%nReinstalling Sáng Kiến Desktop opens this data again. To remove it for good, delete that folder after backing it up.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade replaces the whole bundle: modules of the previous version must not linger.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "{#AppName}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "{#AppName}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] entry names the data folder or the settings: they stay on purpose.

[Code]
function DataFolder(): String;
begin
  { platformdirs.user_data_dir("SangKienDesktop", "SangKien") on Windows }
  Result := ExpandConstant('{localappdata}\SangKien\SangKienDesktop');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and DirExists(DataFolder()) and not UninstallSilent() then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [DataFolder()]), mbInformation, MB_OK);
end;
