"""Verify a bundle without trusting a byte of it, and without writing outside a temporary folder.

The order of the checks follows what an attacker controls:

1. the archive itself, from its central directory, before anything is read: entry names
   (a single base folder; no ``..``, absolute path, drive letter, back-slash, hidden or unknown
   file), entry types (no symlink, device or encrypted entry), duplicates (also ignoring case),
   declared sizes per file and in all, the compression ratio, overlapping entries;
2. each entry is then stream-read (never ``extractall``) into the temporary folder under a name
   the verifier builds itself, counting the real bytes against the declared size and hashing;
3. the BagIt structure: ``bagit.txt``, the tag manifest (every tag file listed, every hash right),
   the Ed25519 signature over the tag manifest, ``bag-info.txt``, the payload manifest (every
   payload file listed, every hash right, nothing missing or extra), then the ``bagit`` library's
   own completeness check of the extracted bag;
4. the content: ``unit.json`` and ``initiatives.json`` (UTF-8, JSON, the record schema), the
   attachments against the records, then the program's rules (findings are summarised, not
   refused: the receiving level decides);
5. the signing key against the keys the receiving unit trusts.

Each problem is one Vietnamese line. A bundle is accepted only with no problem and a trusted key.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
import shutil
import stat
import struct
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import bagit

from sangkien_desktop.errors import ProfileError, SangKienError
from sangkien_desktop.exchange import bagfmt
from sangkien_desktop.exchange.keys import KeyInfo, fingerprint, unb64, verify_signature
from sangkien_desktop.program.profile import ProgramProfile, available_profiles, load_profile
from sangkien_desktop.records.io import NotJson, loads, parse_records
from sangkien_desktop.records.limits import UNIT_TEXT, text_problem
from sangkien_desktop.records.model import InitiativeRecord
from sangkien_desktop.rules import Severity, check
from sangkien_desktop.services.attachments import MAX_ATTACHMENT_BYTES
from sangkien_desktop.text import clean, format_date, format_number

CHUNK = 1024 * 1024
MiB = 1024 * 1024
Progress = Callable[[int, int], bool]  # (bytes done, bytes in all) → False to stop

_COMPONENT = r"[A-Za-z0-9][A-Za-z0-9._-]{0,199}"
_SAFE_NAME = re.compile(rf"{_COMPONENT}(/{_COMPONENT})*/?")
_DIRECTORIES = ("", "data/", "data/attachments/")


@dataclass(frozen=True)
class Limits:
    """What the verifier accepts before it reads a byte (a zip bomb stops here)."""

    max_archive_bytes: int = 16 * 1024 * MiB
    max_total_bytes: int = 16 * 1024 * MiB  # unpacked, all files
    max_entries: int = 50_000
    max_attachment_bytes: int = MAX_ATTACHMENT_BYTES
    max_records_bytes: int = 512 * MiB  # initiatives.json
    max_summary_bytes: int = 512 * MiB
    max_small_bytes: int = 1 * MiB  # unit.json, bagit.txt, bag-info.txt, signature
    max_manifest_bytes: int = 32 * MiB
    max_ratio: int = 200  # declared size ÷ compressed size, for entries above ratio_floor
    ratio_floor: int = 1 * MiB

    def for_name(self, name: str) -> int:
        if name.startswith(bagfmt.ATTACHMENTS):
            return self.max_attachment_bytes
        if name == bagfmt.INITIATIVES:
            return self.max_records_bytes
        if name == bagfmt.SUMMARY:
            return self.max_summary_bytes
        if name in (bagfmt.MANIFEST, bagfmt.TAGMANIFEST):
            return self.max_manifest_bytes
        return self.max_small_bytes


#: What the zip reader raises on damaged or hostile input.
_BROKEN = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    ValueError,
    RuntimeError,
    IndexError,
    KeyError,
    struct.error,
    OverflowError,
)


class Refused(Exception):
    """A problem after which checking further makes no sense."""


@dataclass
class Verification:
    """What ``verify_bundle`` found. ``ok`` only with no problem and a trusted signing key."""

    path: Path
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    info: bagfmt.BundleInfo | None = None
    unit: dict[str, Any] | None = None
    records: list[InitiativeRecord] = field(default_factory=list)
    key: KeyInfo | None = None  # the key that made a valid signature
    key_status: str = "none"  # "trusted" | "unknown" | "wrong-unit" | "none" (no valid signature)
    content_sha256: str = ""  # SHA-256 of the tag manifest: names the whole content
    files: dict[str, str] = field(default_factory=dict)  # bag path → SHA-256 of what was read
    root: Path | None = None  # the extracted bag, while the caller's work folder lives
    error_records: int = 0
    warning_records: int = 0

    @property
    def valid(self) -> bool:
        """Complete, intact and correctly signed (whether or not the key is trusted)."""
        return not self.problems and self.key is not None

    @property
    def ok(self) -> bool:
        return self.valid and self.key_status == "trusted"

    def key_line(self) -> str:
        if self.key is None:
            return "Chữ ký: không kiểm tra được."
        if self.key_status == "trusted":
            owner = self.key.unit_name or self.key.unit_code
            return f"Khóa ký {self.key.fingerprint}: đã tin cậy ({owner})."
        return ""

    def lines(self) -> list[str]:
        """The report, one Vietnamese line each: what the bundle is, then problems, warnings."""
        out = [f"Gói: {self.path.name}"]
        if self.info:
            i = self.info
            out.append(
                f"Đơn vị gửi: {i.unit_name} ({i.unit_code}) — gói số {i.sequence}, tạo lúc "
                f"{i.created_at:%H:%M} {format_date(i.created_at.date())}, {i.initiative_count} "
                f"sáng kiến, {i.attachment_count} tệp đính kèm."
            )
            if i.audit is not None:
                out.append(
                    f"Mốc nhật ký thay đổi của đơn vị: {i.audit.count} dòng, dòng cuối số "
                    f"{i.audit.last_row} (mã băm {i.audit.head[:12]}…)."
                )
        if self.key_line():
            out.append(self.key_line())
        out += [f"✗ {p}" for p in self.problems]
        out += [f"! {w}" for w in self.warnings]
        if self.ok:
            out.append("KẾT QUẢ: gói hợp lệ, đủ tệp, đúng chữ ký của đơn vị đã tin cậy.")
        elif self.valid:
            out.append("KẾT QUẢ: gói nguyên vẹn nhưng khóa ký chưa được tin cậy; chưa nhận gói.")
        else:
            out.append("KẾT QUẢ: KHÔNG HỢP LỆ — không nhận gói này.")
        return out


def _name_problem(info: zipfile.ZipInfo) -> str | None:
    """Why this entry's name or type is refused, or None."""
    raw = info.orig_filename
    name = info.filename
    shown = raw.encode("unicode_escape").decode("ascii")[:120]
    if "\x00" in raw or (raw != name and raw.replace("\\", "/") != name):
        return f"Tên mục “{shown}” trong tệp zip chứa ký tự không hợp lệ."
    if raw.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", raw):
        return f"Mục “{shown}” dùng đường dẫn tuyệt đối; gói chỉ được chứa đường dẫn tương đối."
    if "\\" in raw:
        return f"Mục “{shown}” dùng dấu “\\” trong đường dẫn; gói chỉ dùng dấu “/”."
    if any(part in ("..", ".") for part in raw.split("/")):
        return f"Mục “{shown}” có đường dẫn thoát ra ngoài thư mục của gói (“..”)."
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        return f"Mục “{shown}” là liên kết tượng trưng (symlink); gói không được chứa symlink."
    if info.create_system == 3 and stat.S_IFMT(mode) not in (0, stat.S_IFREG, stat.S_IFDIR):
        return f"Mục “{shown}” không phải tệp thường (thiết bị, ống dẫn…)."
    if info.flag_bits & 0x1:
        return f"Mục “{shown}” bị mã hóa bằng mật khẩu zip; gói không được mã hóa."
    if not _SAFE_NAME.fullmatch(name):
        return f"Tên mục “{shown}” không hợp lệ (chỉ chữ Latinh không dấu, số, “.”, “-”, “_”)."
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        return f"Mục “{shown}” dùng kiểu nén {info.compress_type} không được hỗ trợ."
    return None


def _allowed(inner: str) -> bool:
    if inner in bagfmt.TAG_FILES or inner in bagfmt.PAYLOAD_FIXED:
        return True
    return inner.startswith(bagfmt.ATTACHMENTS) and bagfmt.is_sha256(
        inner.removeprefix(bagfmt.ATTACHMENTS)
    )


def _plan(archive: zipfile.ZipFile, size: int, limits: Limits) -> tuple[str, list[zipfile.ZipInfo]]:
    """Check the central directory; returns the base folder and the file entries to read."""
    entries = archive.infolist()
    if not entries:
        raise Refused("Tệp zip rỗng, không chứa gói nào.")
    if len(entries) > limits.max_entries:
        raise Refused(f"Tệp zip có {len(entries)} mục, vượt giới hạn {limits.max_entries}.")
    problems = [p for p in (_name_problem(info) for info in entries) if p]
    if problems:
        raise Refused(problems[0])
    seen: dict[str, str] = {}
    for info in entries:
        folded = info.filename.rstrip("/").casefold()
        if folded in seen:
            raise Refused(
                f"Mục “{info.filename}” xuất hiện hai lần trong tệp zip (trùng tên với "
                f"“{seen[folded]}”)."
            )
        seen[folded] = info.filename
    bases = {info.filename.split("/", 1)[0] for info in entries}
    if len(bases) != 1:
        raise Refused(
            "Tệp zip phải chứa đúng một thư mục gốc của gói; ở đây có: "
            + ", ".join(sorted(bases)[:5])
            + "."
        )
    base = bases.pop()
    files = []
    total = 0
    for info in entries:
        inner = info.filename[len(base) + 1 :] if "/" in info.filename else ""
        if info.is_dir():
            if inner not in _DIRECTORIES or info.file_size:
                raise Refused(f"Thư mục lạ “{info.filename}” trong gói.")
            continue
        if not inner:
            raise Refused(f"Mục “{info.filename}” nằm ngoài thư mục gốc của gói.")
        if not _allowed(inner):
            raise Refused(f"Tệp lạ “{inner}” không thuộc định dạng gói; gói đã bị thêm tệp.")
        cap = limits.for_name(inner)
        if info.file_size > cap:
            raise Refused(
                f"Tệp “{inner}” khai kích thước {format_number(info.file_size)} byte khi giải "
                f"nén, vượt giới hạn {format_number(cap)} byte (nghi tệp zip “bom”)."
            )
        if info.file_size > limits.ratio_floor and info.file_size > limits.max_ratio * max(
            info.compress_size, 1
        ):
            raise Refused(
                f"Tệp “{inner}” có tỷ lệ nén bất thường ({format_number(info.file_size)} byte từ "
                f"{format_number(info.compress_size)} byte; nghi tệp zip “bom”)."
            )
        if info.header_offset < 0 or info.header_offset + info.compress_size > size:
            raise Refused(f"Mục “{inner}” vượt quá độ dài tệp zip: tệp bị cắt cụt hoặc hỏng.")
        total += info.file_size
        files.append(info)
    if total > limits.max_total_bytes:
        raise Refused(
            f"Gói khai tổng kích thước giải nén {format_number(total)} byte, vượt giới hạn "
            f"{format_number(limits.max_total_bytes)} byte (nghi tệp zip “bom”)."
        )
    files.sort(key=lambda i: i.header_offset)
    for first, second in itertools.pairwise(files):
        if first.header_offset + 30 + len(first.orig_filename) + first.compress_size > (
            second.header_offset
        ):
            raise Refused(
                f"Các mục “{first.filename}” và “{second.filename}” chồng lên nhau trong tệp zip "
                "(cách làm của tệp zip “bom”)."
            )
    return base, files


def _extract(
    archive: zipfile.ZipFile,
    base: str,
    files: Sequence[zipfile.ZipInfo],
    root: Path,
    limits: Limits,
    progress: Progress | None,
) -> dict[str, str]:
    """Stream every file entry into ``root`` (names already checked), hashing; returns hashes."""
    total = sum(info.file_size for info in files) or 1
    done = 0
    hashes: dict[str, str] = {}
    for info in files:
        inner = info.filename[len(base) + 1 :]
        target = root.joinpath(*inner.split("/"))
        if root not in target.parents:  # belt and braces: the name check already ensures it
            raise Refused(f"Mục “{inner}” có đường dẫn thoát ra ngoài thư mục tạm.")
        target.parent.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        count = 0
        try:
            sink = open(target, "xb")  # noqa: SIM115 - closed by the with below
        except OSError as exc:
            raise Refused(
                f"Không ghi được tệp tạm khi kiểm tra “{inner}”: {exc.strerror or exc}."
            ) from None
        try:
            with sink, archive.open(info) as source:
                while chunk := source.read(CHUNK):
                    count += len(chunk)
                    if count > info.file_size or done + count > limits.max_total_bytes:
                        raise Refused(
                            f"Tệp “{inner}” giải nén ra nhiều hơn kích thước đã khai "
                            f"({format_number(info.file_size)} byte; nghi tệp zip “bom”)."
                        )
                    digest.update(chunk)
                    try:
                        sink.write(chunk)
                    except OSError as exc:
                        raise Refused(
                            f"Không ghi được tệp tạm khi kiểm tra “{inner}”: {exc.strerror or exc}."
                        ) from None
        except Refused:
            raise
        except NotImplementedError:
            raise Refused(f"Tệp “{inner}” dùng kiểu nén không được hỗ trợ.") from None
        except (*_BROKEN, OSError) as exc:
            # Reading the archive failed (a write failure is said above): a damaged zip, e.g.
            # a local header pointing before the start of the file (EINVAL on seek).
            reason = "mã kiểm tra CRC sai" if "CRC" in str(exc) else "dữ liệu nén hỏng"
            raise Refused(
                f"Không đọc được tệp “{inner}” trong gói ({reason}): tệp zip bị hỏng."
            ) from None
        if count != info.file_size:
            raise Refused(
                f"Tệp “{inner}” giải nén ra {format_number(count)} byte thay vì "
                f"{format_number(info.file_size)} byte đã khai."
            )
        hashes[inner] = digest.hexdigest()
        done += count
        if progress and not progress(done, total):
            raise Refused("Đã dừng kiểm tra gói theo yêu cầu.")
    return hashes


class _Check:
    """The checks after extraction, sharing the verification being filled."""

    def __init__(self, result: Verification, root: Path) -> None:
        self.result = result
        self.root = root

    def read(self, inner: str) -> bytes:
        return (self.root / inner).read_bytes()

    def tags_and_signature(self, trusted: Sequence[KeyInfo]) -> dict[str, str]:
        r, files = self.result, self.result.files
        for name in bagfmt.TAG_FILES:
            if name not in files:
                raise Refused(f"Gói thiếu tệp bắt buộc “{name}”.")
        bagit_tags = bagfmt.parse_tags(self.read(bagfmt.BAGIT), bagfmt.BAGIT)
        if dict(bagit_tags) != {"BagIt-Version": "1.0", "Tag-File-Character-Encoding": "UTF-8"}:
            r.problems.append("bagit.txt phải ghi “BagIt-Version: 1.0” và mã hóa UTF-8.")
        tagmanifest = self.read(bagfmt.TAGMANIFEST)
        r.content_sha256 = hashlib.sha256(tagmanifest).hexdigest()
        listed = bagfmt.parse_manifest(tagmanifest, bagfmt.TAGMANIFEST)
        for name in sorted(set(listed) | set(bagfmt.TAGGED)):
            if name not in bagfmt.TAGGED:
                r.problems.append(f"{bagfmt.TAGMANIFEST} liệt kê tệp lạ “{name}”.")
            elif name not in listed:
                r.problems.append(f"{bagfmt.TAGMANIFEST} không liệt kê “{name}”.")
            elif listed[name] != files[name]:
                r.problems.append(f"Tệp “{name}” đã bị thay đổi (mã băm không khớp bảng kê).")
        self.signature(tagmanifest, trusted)
        info = bagfmt.parse_bag_info(self.read(bagfmt.BAG_INFO))
        r.info = info
        if r.key and info.key_fingerprint != r.key.fingerprint:
            r.problems.append(
                f"bag-info.txt ghi khóa {info.key_fingerprint} nhưng gói được ký bằng khóa "
                f"{r.key.fingerprint}."
            )
        return bagfmt.parse_manifest(self.read(bagfmt.MANIFEST), bagfmt.MANIFEST)

    def signature(self, tagmanifest: bytes, trusted: Sequence[KeyInfo]) -> None:
        r = self.result
        tags = bagfmt.parse_tags(self.read(bagfmt.SIGNATURE), bagfmt.SIGNATURE)

        def value(label: str) -> str:
            found = bagfmt.one_value(tags, label, bagfmt.SIGNATURE)
            if not found:
                raise Refused(f"{bagfmt.SIGNATURE}: thiếu nhãn “{label}”.")
            return found

        if value("Signature-Algorithm") != bagfmt.SIGNATURE_ALGORITHM:
            raise Refused(f"{bagfmt.SIGNATURE}: chỉ chấp nhận chữ ký Ed25519.")
        if value("Signed-File") != bagfmt.TAGMANIFEST:
            raise Refused(f"{bagfmt.SIGNATURE}: chữ ký phải ký tệp {bagfmt.TAGMANIFEST}.")
        try:
            public = unb64(value("Public-Key"), "Khóa công khai trong chữ ký")
            signature = unb64(value("Signature"), "Chữ ký")
        except SangKienError as exc:
            raise Refused(f"{bagfmt.SIGNATURE}: {exc.message}") from None
        if len(public) != 32 or len(signature) != 64:
            raise Refused(f"{bagfmt.SIGNATURE}: khóa hoặc chữ ký có độ dài sai.")
        stated = value("Key-Fingerprint")
        if stated != fingerprint(public):
            raise Refused(f"{bagfmt.SIGNATURE}: dấu vân tay ghi không khớp khóa kèm theo.")
        canonical = bagfmt.format_signature(stated, value("Public-Key"), value("Signature"))
        if canonical != self.read(bagfmt.SIGNATURE):
            raise Refused(
                f"{bagfmt.SIGNATURE} không đúng dạng chuẩn (có byte bị thay đổi hoặc thêm bớt)."
            )
        if not verify_signature(public, signature, bagfmt.signature_message(tagmanifest)):
            raise Refused(
                "Chữ ký Ed25519 không đúng: gói đã bị sửa sau khi ký (hoặc chữ ký bị hỏng)."
            )
        matches = [k for k in trusted if k.fingerprint == stated]
        r.key = matches[0] if matches else KeyInfo(stated, public)

    def payload(self, manifest: dict[str, str]) -> None:
        r = self.result
        payload = {name: h for name, h in r.files.items() if name.startswith("data/")}
        for name in sorted(set(manifest) | set(payload)):
            if name not in payload:
                r.problems.append(f"Gói thiếu tệp “{name}” (có trong bảng kê).")
            elif name not in manifest:
                r.problems.append(f"Tệp “{name}” không có trong bảng kê của gói (tệp bị thêm).")
            elif manifest[name] != payload[name]:
                r.problems.append(f"Tệp “{name}” đã bị thay đổi (mã băm không khớp bảng kê).")
            elif name.startswith(bagfmt.ATTACHMENTS) and name != bagfmt.attachment_path(
                payload[name]
            ):
                r.problems.append(f"Tệp đính kèm “{name}” có nội dung không khớp tên (mã băm).")
        for name in bagfmt.PAYLOAD_FIXED:
            if name not in manifest and name not in payload:
                r.problems.append(f"Gói thiếu tệp bắt buộc “{name}”.")
        if r.info:
            size = sum((self.root / n).stat().st_size for n in payload)
            if r.info.payload_oxum != f"{size}.{len(payload)}":
                r.problems.append(
                    f"bag-info.txt khai Payload-Oxum {r.info.payload_oxum} nhưng gói có "
                    f"{len(payload)} tệp, {size} byte."
                )

    def with_bagit_library(self) -> None:
        """The reference implementation's own view of the extracted bag (structure and
        completeness; the hashes were checked while reading)."""
        try:
            bagit.Bag(str(self.root)).validate(completeness_only=True)
        except bagit.BagError as exc:
            self.result.problems.append(f"Gói không đúng chuẩn BagIt (RFC 8493): {exc}")

    def content(self, profile: ProgramProfile | None) -> None:
        r = self.result
        info = r.info
        assert info is not None
        r.unit = self.unit_document(info)
        try:
            bundle_profile = profile if profile and profile.id == info.profile_id else None
            if bundle_profile is None and info.profile_id not in available_profiles():
                raise ProfileError(info.profile_id)
            bundle_profile = bundle_profile or load_profile(info.profile_id)
        except ProfileError:
            r.problems.append(
                f"Gói dùng chương trình “{info.profile_id}”, ứng dụng này không có hồ sơ chương "
                "trình đó; hãy cập nhật ứng dụng."
            )
            return
        data = self.json(bagfmt.INITIATIVES)
        if data is None:
            return
        try:
            records = parse_records(data, bundle_profile)
        except SangKienError as exc:
            r.problems.append(f"{bagfmt.INITIATIVES}: {exc.message}")
            return
        if len(records) != info.initiative_count:
            r.problems.append(
                f"bag-info.txt khai {info.initiative_count} sáng kiến nhưng "
                f"{bagfmt.INITIATIVES} có {len(records)}."
            )
        for record in records:
            if record.unit_code not in (None, info.unit_code):
                r.problems.append(
                    f"Sáng kiến {record.code} ghi đơn vị “{record.unit_code}”, khác đơn vị gửi "
                    f"“{info.unit_code}”."
                )
        self.attachments(records, info)
        r.records = records
        self.rules(records, bundle_profile, info.created_at.date())

    def unit_document(self, info: bagfmt.BundleInfo) -> dict[str, Any] | None:
        data = self.json(bagfmt.UNIT)
        r = self.result
        if data is None:
            return None
        if not isinstance(data, dict):
            r.problems.append(f"{bagfmt.UNIT} phải là một đối tượng JSON.")
            return None
        if data.get("code") != info.unit_code:
            r.problems.append(
                f"{bagfmt.UNIT} ghi mã đơn vị “{data.get('code')}”, khác bag-info.txt "
                f"(“{info.unit_code}”)."
            )
        if not isinstance(data.get("name"), str) or not data["name"].strip():
            r.problems.append(f"{bagfmt.UNIT}: thiếu tên đơn vị.")
        headcount = data.get("headcount")
        if headcount is not None and (
            not isinstance(headcount, int) or isinstance(headcount, bool) or headcount < 0
        ):
            r.problems.append(f"{bagfmt.UNIT}: số người (headcount) phải là số nguyên không âm.")
        targets = data.get("targets", [])
        if not isinstance(targets, list) or not all(_target_ok(t) for t in targets):
            r.problems.append(
                f"{bagfmt.UNIT}: chỉ tiêu (targets) phải là danh sách {{phase, year, quarter, "
                "count}} với số nguyên hợp lệ."
            )
        for key in ("superior_union", "federation", "cluster", "level"):
            if key in data and not isinstance(data[key], str):
                r.problems.append(f"{bagfmt.UNIT}: “{key}” phải là chuỗi chữ.")
        for key, limit in UNIT_TEXT.items():
            value = data.get(key)
            problem = text_problem(clean(value), limit) if isinstance(value, str) else None
            if problem:
                r.problems.append(f"{bagfmt.UNIT}, trường {key}: {problem}.")
        return data

    def json(self, inner: str) -> Any:
        raw = self.read(inner)
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            self.result.problems.append(
                f"{inner} không phải văn bản UTF-8 hợp lệ (byte {exc.start})."
            )
            return None
        try:
            return loads(text)
        except NotJson as exc:
            self.result.problems.append(f"{inner} không phải JSON hợp lệ: {exc}.")
        except json.JSONDecodeError as exc:
            self.result.problems.append(
                f"{inner} không phải JSON hợp lệ: dòng {exc.lineno}, cột {exc.colno} ({exc.msg})."
            )
        except RecursionError:
            self.result.problems.append(f"{inner} lồng nhau quá sâu, không đọc được.")
        return None

    def attachments(self, records: Sequence[InitiativeRecord], info: bagfmt.BundleInfo) -> None:
        r = self.result
        present = {
            name.removeprefix(bagfmt.ATTACHMENTS): name
            for name in r.files
            if name.startswith(bagfmt.ATTACHMENTS)
        }
        referenced: set[str] = set()
        for record in records:
            for ref in record.attachments:
                referenced.add(ref.sha256)
                if ref.sha256 not in present:
                    r.problems.append(
                        f"Sáng kiến {record.code}: gói thiếu tệp đính kèm “{ref.file_name}” "
                        f"({ref.sha256[:12]}…)."
                    )
                elif ref.size and (self.root / present[ref.sha256]).stat().st_size != ref.size:
                    r.warnings.append(
                        f"Sáng kiến {record.code}: tệp đính kèm “{ref.file_name}” có kích thước "
                        "khác với bản ghi."
                    )
        for sha in sorted(set(present) - referenced):
            r.problems.append(
                f"Tệp đính kèm “{present[sha]}” không thuộc sáng kiến nào (tệp thừa)."
            )
        if len(present) != info.attachment_count:
            r.problems.append(
                f"bag-info.txt khai {info.attachment_count} tệp đính kèm nhưng gói có "
                f"{len(present)}."
            )

    def rules(
        self, records: Sequence[InitiativeRecord], profile: ProgramProfile, day: date
    ) -> None:
        r = self.result
        lines = []
        for record in records:
            findings = check(record, profile, day)
            errors = [f for f in findings if f.severity == Severity.ERROR]
            r.error_records += bool(errors)
            r.warning_records += bool(findings) and not errors
            lines += [f"{record.code}: {f.rule} — {f.message}" for f in errors]
        if lines:
            r.warnings.append(
                f"{r.error_records} sáng kiến còn lỗi theo quy định của Chương trình (không được "
                "tính là đủ điều kiện):"
            )
            r.warnings += [f"  {line}" for line in lines[:20]]
            if len(lines) > 20:
                r.warnings.append(f"  … và {len(lines) - 20} lỗi khác.")

    def trust(self, trusted: Sequence[KeyInfo]) -> None:
        r = self.result
        if r.key is None or r.info is None:
            return
        code = r.info.unit_code
        if r.key.unit_code:
            if r.key.unit_code == code:
                r.key_status = "trusted"
            else:
                r.key_status = "wrong-unit"
                r.problems.append(
                    f"Khóa ký {r.key.fingerprint} được tin cậy cho đơn vị “{r.key.unit_code}”, "
                    f"nhưng gói ghi đơn vị “{code}”."
                )
            return
        r.key_status = "unknown"
        others = [k.fingerprint for k in trusted if k.unit_code == code]
        known = f" Đơn vị này đã đăng ký khóa khác: {', '.join(others)}." if others else ""
        r.warnings.insert(
            0,
            f"Khóa ký {r.key.fingerprint} chưa được tin cậy.{known} Hãy so dấu vân tay này với "
            "phiếu đăng ký khóa của đơn vị gửi; nếu trùng, tin cậy khóa (sangkien key trust "
            "TỆP_KHÓA hoặc sangkien verify GÓI --trust TỆP_KHÓA) rồi kiểm tra lại.",
        )


def _target_ok(target: Any) -> bool:
    if not isinstance(target, dict):
        return False
    for key in ("phase", "year", "quarter"):
        value = target.get(key)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
            return False
    count = target.get("count")
    quarter = target.get("quarter")
    return (
        isinstance(count, int)
        and not isinstance(count, bool)
        and 0 <= count <= 10_000_000
        and (quarter is None or 1 <= quarter <= 4)
    )


def verify_bundle(
    path: Path,
    *,
    trusted: Sequence[KeyInfo] = (),
    profile: ProgramProfile | None = None,
    limits: Limits | None = None,
    workdir: Path | None = None,
    progress: Progress | None = None,
) -> Verification:
    """Check the bundle at ``path``. Files are read into a fresh temporary folder that is
    removed before returning, or into ``workdir`` (an empty folder) when the caller wants to use
    them: ``result.root`` then is the extracted bag (``workdir`` is emptied when refused)."""
    path = Path(path)
    limits = limits or Limits()
    result = Verification(path)
    root = Path(tempfile.mkdtemp(prefix="sangkien-kiem-goi-")) if workdir is None else workdir
    try:
        if any(root.iterdir()):
            raise ValueError(f"{root} is not empty")
        _verify(path, result, root, trusted, profile, limits, progress)
    finally:
        if workdir is None:
            shutil.rmtree(root, ignore_errors=True)
        elif result.problems:
            for child in list(root.iterdir()):
                if child.is_dir():
                    shutil.rmtree(child)
                else:
                    child.unlink()
    if workdir is not None and not result.problems:
        result.root = root
    return result


def _verify(
    path: Path,
    result: Verification,
    root: Path,
    trusted: Sequence[KeyInfo],
    profile: ProgramProfile | None,
    limits: Limits,
    progress: Progress | None,
) -> None:
    try:
        if not path.is_file():
            raise Refused(f"Không tìm thấy tệp gói {path}.")
        size = path.stat().st_size
        if size > limits.max_archive_bytes:
            raise Refused(
                f"Tệp gói nặng {format_number(size)} byte, vượt giới hạn "
                f"{format_number(limits.max_archive_bytes)}."
            )
        try:
            archive = zipfile.ZipFile(path)
        except (*_BROKEN, OSError):
            raise Refused(
                f"{path.name} không phải tệp zip hợp lệ (có thể bị hỏng hoặc cắt cụt)."
            ) from None
        with archive:
            base, files = _plan(archive, size, limits)
            free = shutil.disk_usage(root.parent).free
            declared = sum(info.file_size for info in files)
            if declared > free:
                raise Refused(
                    "Không đủ chỗ trống trong thư mục tạm để kiểm tra gói "
                    f"(cần {format_number(declared)} byte)."
                )
            result.files = _extract(archive, base, files, root, limits, progress)
        checker = _Check(result, root)
        manifest = checker.tags_and_signature(trusted)
        checker.payload(manifest)
        if result.problems:
            return
        checker.with_bagit_library()
        if result.problems:
            return
        checker.content(profile)
        checker.trust(trusted)
    except Refused as exc:
        result.problems.append(str(exc))
    except bagfmt.FormatProblem as exc:
        result.problems.append(str(exc))
