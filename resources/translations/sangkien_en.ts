<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi">
<context>
    <name>AccountBox</name>
    <message>
        <location filename="../../sangkien_desktop/gui/accounts.py" line="+91"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Họ và tên *</source>
        <translation>Full name *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tên đăng nhập *</source>
        <translation>User name *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mật khẩu *</source>
        <translation>Password *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhập lại mật khẩu *</source>
        <translation>Repeat password *</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: cần họ và tên.</source>
        <translation>%1: enter a full name.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: cần tên đăng nhập, không có dấu cách.</source>
        <translation>%1: enter a user name, without spaces.</translation>
    </message>
</context>
<context>
    <name>Accounts</name>
    <message>
        <location line="-40"/>
        <source>Mật khẩu cần ít nhất %1 ký tự.</source>
        <translation>The password needs at least %1 characters.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hai lần nhập mật khẩu không khớp.</source>
        <translation>The two passwords do not match.</translation>
    </message>
</context>
<context>
    <name>AccountsGroup</name>
    <message>
        <location line="+336"/>
        <source>Tài khoản</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Đang đăng nhập: %1 (%2), vai trò %3.</source>
        <translation>Signed in: %1 (%2), role %3.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Đổi mật khẩu của tôi…</source>
        <translation>Change my password…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Thêm tài khoản…</source>
        <translation>Add account…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sửa tên, vai trò…</source>
        <translation>Edit name, role…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đặt lại mật khẩu…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+80"/>
        <source>Khóa tài khoản</source>
        <translation>Disable account</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>Tài khoản không xóa được, chỉ khóa: lịch sử thay đổi vẫn ghi đúng người. Người quản trị không công nhận hay sửa sáng kiến; Chủ tịch dùng tài khoản riêng.</source>
        <translation>Accounts cannot be deleted, only disabled, so the change history still names the right person. The administrator neither recognises nor edits initiatives; the chair uses an account of their own.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source> phút</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Khóa màn hình sau</source>
        <translation>Lock the screen after</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>không dùng</source>
        <translation>of inactivity</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Đang dùng</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Đã khóa</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Mở khóa</source>
        <translation>Enable account</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Đã đổi mật khẩu.</source>
        <translation>Password changed.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Đã thêm tài khoản “%1”.</source>
        <translation>Added the account “%1”.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Đã đặt lại mật khẩu của “%1”.</source>
        <translation>Reset the password of “%1”.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Đã khóa tài khoản “%1”: không đăng nhập được nữa.</source>
        <translation>Disabled the account “%1”: it can no longer sign in.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã mở khóa tài khoản “%1”.</source>
        <translation>Enabled the account “%1” again.</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>Màn hình sẽ khóa sau %n phút không dùng.</source>
        <translation>
            <numerusform>The screen will lock after %n minute of inactivity.</numerusform>
            <numerusform>The screen will lock after %n minutes of inactivity.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <location filename="../../sangkien_desktop/gui/first_run.py" line="+153"/>
        <source>Tài khoản người dùng</source>
        <translation>User accounts</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bước 2/3. Mỗi người đăng nhập bằng tài khoản của mình; mỗi thay đổi ghi tên người làm. Mục có dấu * là bắt buộc.</source>
        <translation>Step 2 of 3. Everyone signs in with their own account, and every change records who made it. Fields marked * are required.</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../sangkien_desktop/gui/dialogs.py" line="+317"/>
        <source>Giao người hỗ trợ</source>
        <translation>Assign a helper</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giao %1 cho:</source>
        <translation>Assign %1 to:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Để trống: chưa giao ai</source>
        <translation>Leave empty: not assigned</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Đặt hạn</source>
        <translation>Set a due date</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Người hỗ trợ</source>
        <translation>Assigned to</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+9"/>
        <source>Hạn xử lý</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Giao</source>
        <translation>Assign</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <location filename="../../sangkien_desktop/gui/editor_attachments.py" line="+104"/>
        <source>Đơn yêu cầu công nhận</source>
        <translation>Application for recognition</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bản mô tả sáng kiến</source>
        <translation>Description of the initiative</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quyết định công nhận</source>
        <translation>Recognition decision</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giấy biên nhận đơn</source>
        <translation>Application receipt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minh chứng hiệu quả</source>
        <translation>Evidence of benefit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Văn bản xác nhận hiệu quả</source>
        <translation>Confirmation of benefit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tài liệu khác</source>
        <translation>Other document</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tên tệp</source>
        <translation>File name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Loại giấy tờ</source>
        <translation>Document type</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dung lượng</source>
        <translation>Size</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Thêm tệp…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mở</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bỏ khỏi hồ sơ</source>
        <translation>Remove from dossier</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kéo thả tệp vào danh sách hoặc bấm “Thêm tệp…”. Tệp được chép vào thư mục dữ liệu (mỗi nội dung chỉ lưu một lần); tệp gốc không bị thay đổi. Hồ sơ đã được công nhận cần có bản quyết định công nhận.</source>
        <translation>Drop files on the list or click “Add files…”. Files are copied into the data folder (each content is stored once); the originals are left untouched. A recognised dossier needs a copy of the recognition decision.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Chọn tệp đính kèm</source>
        <translation>Choose attachments</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tài liệu và hình ảnh (*.pdf *.doc *.docx *.xls *.xlsx *.odt *.jpg *.jpeg *.png);;Mọi tệp (*)</source>
        <translation>Documents and images (*.pdf *.doc *.docx *.xls *.xlsx *.odt *.jpg *.jpeg *.png);;All files (*)</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Chỉ xem: chọn một tệp rồi bấm “Mở” để xem nội dung.</source>
        <translation>View only: select a file and press “Open” to see it.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Đang chép tệp đính kèm vào thư mục dữ liệu…</source>
        <translation>Copying attachments into the data folder…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>“%1” trùng nội dung với “%2”</source>
        <translation>“%1” has the same content as “%2”</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Đã thêm %n tệp đính kèm.</source>
        <translation>
            <numerusform>Added %n attachment.</numerusform>
            <numerusform>Added %n attachments.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Không thêm lại: %1.</source>
        <translation>Not added again: %1.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Đang mở tệp…</source>
        <translation>Opening the file…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Không có ứng dụng nào mở được tệp %1.</source>
        <translation>No application can open %1.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Đã bỏ “%1” khỏi hồ sơ (chưa lưu).</source>
        <translation>Removed “%1” from the dossier (not saved yet).</translation>
    </message>
</context>
<context>
    <name>AuthorsDelegate</name>
    <message>
        <location filename="../../sangkien_desktop/gui/editor_authors.py" line="+280"/>
        <source>chưa ghi</source>
        <translation>not given</translation>
    </message>
</context>
<context>
    <name>AuthorsModel</name>
    <message>
        <location line="-204"/>
        <source>Họ và tên</source>
        <extracomment>What a cell editor has shown before the first setEditorData (equal to no value).</extracomment>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nơi công tác</source>
        <translation>Workplace</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chức danh</source>
        <translation>Position</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trình độ</source>
        <translation>Qualification</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đóng góp</source>
        <translation>Contribution</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chủ nhiệm</source>
        <translation>Project lead</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chọn</source>
        <translation>Credited</translation>
    </message>
    <message>
        <location line="+139"/>
        <source>Đoàn viên của đơn vị</source>
        <translation>Member of the unit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chủ nhiệm đề tài: người được công nhận sáng kiến</source>
        <translation>Project lead: the person the initiative is credited to</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đánh dấu người được công nhận khi nhiều tác giả cùng có tỷ lệ cao nhất</source>
        <translation>Mark the credited author when several authors share the highest contribution</translation>
    </message>
</context>
<context>
    <name>AuthorsPanel</name>
    <message>
        <location line="+138"/>
        <source>Thêm tác &amp;giả</source>
        <translation>Add &amp;author</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xóa</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lên</source>
        <translation>Up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xuống</source>
        <translation>Down</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đưa tác giả lên trên (thứ tự trong đơn)</source>
        <translation>Move the author up (order on the application)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đưa tác giả xuống dưới</source>
        <translation>Move the author down</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Gõ vài chữ của họ tên (có dấu hoặc không dấu) rồi chọn đoàn viên: ngày sinh, nơi công tác, chức danh và trình độ được điền sẵn. Tác giả ngoài đơn vị thì gõ đủ họ tên. Sáng kiến được công nhận cho chủ nhiệm đề tài hoặc tác giả có tỷ lệ đóng góp cao nhất.</source>
        <translation>Type part of a name (with or without diacritics) and pick the member: date of birth, workplace, position and qualification are filled in. For an author from outside the unit, type the full name. The initiative is credited to the project lead or to the author with the highest contribution.</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Tác giả được công nhận: %1 · Tổng tỷ lệ đóng góp: %2</source>
        <translation>Credited author: %1 · Total contribution: %2</translation>
    </message>
</context>
<context>
    <name>BackupsGroup</name>
    <message>
        <location filename="../../sangkien_desktop/gui/backups_page.py" line="+51"/>
        <source>Sao lưu</source>
        <extracomment>Rows shown before the list scrolls.</extracomment>
        <translation>Backups</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Thời điểm</source>
        <translation>Taken at</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dung lượng</source>
        <translation>Size</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Sao lưu ngay</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sao lưu vào thư mục dữ liệu và thư mục thứ hai (nếu đã chọn).</source>
        <translation>Back up into the data folder and the second folder (if one is chosen).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mở thư mục sao lưu</source>
        <translation>Open the backups folder</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Khôi phục bản đã chọn…</source>
        <translation>Restore the selected backup…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Thay dữ liệu hiện tại bằng bản sao lưu đã chọn; tệp hiện tại được giữ lại trong thư mục dữ liệu.</source>
        <translation>Replace the current data by the selected backup; the current file is kept in the data folder.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Chưa chọn</source>
        <translation>None chosen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chọn thư mục…</source>
        <translation>Choose a folder…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bỏ</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Thư mục thứ hai</source>
        <translation>Second folder</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ứng dụng tự sao lưu ở lần mở đầu tiên mỗi ngày và trước mỗi lần nhập dữ liệu; giữ mọi bản của 24 giờ qua, rồi 7 bản hằng ngày, 4 bản hằng tuần và 12 bản hằng tháng.</source>
        <translation>The application backs up the data on its first start each day and before every import; it keeps every backup of the last 24 hours, then 7 daily, 4 weekly and 12 monthly ones.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Mỗi bản sao lưu cũng được chép vào thư mục thứ hai, ví dụ một USB: nếu máy hỏng vẫn còn dữ liệu.</source>
        <translation>Every backup is also copied into the second folder, for example a USB stick: if the PC fails, the data survives.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Hằng ngày</source>
        <translation>Daily</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thủ công</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trước khi nhập</source>
        <translation>Before an import</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Đang sao lưu…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Đang sao lưu dữ liệu…</source>
        <translation>Backing up the data…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Đã sao lưu vào %1.</source>
        <translation>Backed up into %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Chưa sao lưu xong.</source>
        <translation>The backup did not finish.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Đã bỏ thư mục sao lưu thứ hai.</source>
        <translation>The second backup folder is removed.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Từ nay mỗi bản sao lưu cũng được chép vào %1.</source>
        <translation>From now on every backup is also copied into %1.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Chọn thư mục sao lưu thứ hai</source>
        <translation>Choose the second backup folder</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Khôi phục bản sao lưu</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thay toàn bộ dữ liệu hiện tại bằng bản sao lưu lúc %1?

Mọi thay đổi sau thời điểm đó sẽ không còn trong dữ liệu đang dùng. Tệp dữ liệu hiện tại được giữ lại trong thư mục dữ liệu. Các cửa sổ đang mở sẽ đóng và cần đăng nhập lại.</source>
        <translation>Replace all the current data by the backup taken at %1?

Every change made after that moment will no longer be in the data in use. The current data file is kept in the data folder. The open windows will close and you will need to sign in again.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Khôi phục</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>BoardScreen</name>
    <message>
        <location filename="../../sangkien_desktop/gui/screens/board.py" line="+542"/>
        <source>Tổ hỗ trợ sáng kiến</source>
        <translation>Initiative support team</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Hồ sơ đã nộp Hội đồng quá %n tháng mà chưa có quyết định (hạn theo quy định)</source>
        <translation>
            <numerusform>Dossier with the council for over %n month without a decision (the legal deadline)</numerusform>
            <numerusform>Dossier with the council for over %n months without a decision (the legal deadline)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Hồ sơ sẵn sàng gửi nhưng chưa xuất gói sau %n ngày</source>
        <translation>
            <numerusform>Dossier ready to send but not exported after %n day</numerusform>
            <numerusform>Dossier ready to send but not exported after %n days</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lọc theo mã, tên sáng kiến, tác giả</source>
        <translation>Filter by code, title, author</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Chỉ hồ sơ cần chú ý</source>
        <translation>Only dossiers needing attention</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+56"/>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>Đọc lại từ cơ sở dữ liệu (F5)</source>
        <translation>Read again from the database (F5)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Người hỗ trợ</source>
        <translation>Assigned to</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Kéo thẻ sang cột khác để chuyển trạng thái; nhấp chuột phải vào thẻ để mở hồ sơ, chuyển hoặc giao người hỗ trợ.</source>
        <translation>Drag a card to another column to change its status; right-click a card to open the dossier, move it or assign a helper.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Mọi người</source>
        <translation>Everyone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa giao</source>
        <translation>Not assigned</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>Quá hạn %n tháng</source>
        <translation>
            <numerusform>Overdue: %n month</numerusform>
            <numerusform>Overdue: %n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Chờ gửi quá %n ngày</source>
        <translation>
            <numerusform>Unsent %n+ day</numerusform>
            <numerusform>Unsent %n+ days</numerusform>
        </translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Thả để chuyển sang “%1”.</source>
        <translation>Drop to move to “%1”.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>sáng kiến</source>
        <translation>initiative</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Không được chuyển %1 từ “%2” sang “%3”.</source>
        <translation>%1 cannot move from “%2” to “%3”.</translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <location line="+32"/>
        <source>%n sáng kiến</source>
        <translation>
            <numerusform>%n initiative</numerusform>
            <numerusform>%n initiatives</numerusform>
        </translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Đã hủy — không chuyển sáng kiến nào.</source>
        <translation>Cancelled — no initiative was moved.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Đã giao %1 cho %2.</source>
        <translation>Assigned %1 to %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã bỏ giao %1.</source>
        <translation>%1 is no longer assigned.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Mở hồ sơ</source>
        <translation>Open dossier</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chuyển sang</source>
        <translation>Move to</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Giao người hỗ trợ…</source>
        <translation>Assign a helper…</translation>
    </message>
</context>
<context>
    <name>CardDelegate</name>
    <message>
        <location line="-490"/>
        <source>(chưa có tác giả được công nhận)</source>
        <translation>(no credited author yet)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Chưa giao</source>
        <translation>Not assigned</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Hạn %1</source>
        <translation>Due %1</translation>
    </message>
</context>
<context>
    <name>CardListModel</name>
    <message numerus="yes">
        <location line="-194"/>
        <source>+%n sáng kiến nữa</source>
        <translation>
            <numerusform>+%n more initiative</numerusform>
            <numerusform>+%n more initiatives</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cột chỉ hiện %1 thẻ đầu. Lọc theo người hỗ trợ hoặc từ khóa để thấy các thẻ còn lại.</source>
        <translation>This column shows only the first %1 cards. Filter by assignee or keyword to see the rest.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Tác giả: %1</source>
        <translation>Author: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Người hỗ trợ: %1</source>
        <translation>Assigned to: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hạn xử lý: %1</source>
        <translation>Due: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hội đồng nhận đơn: %1</source>
        <translation>Council received the application: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hạn ra quyết định: %1</source>
        <translation>Decision due: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n lỗi cần sửa</source>
        <translation>
            <numerusform>%n error to fix</numerusform>
            <numerusform>%n errors to fix</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ColumnFrame</name>
    <message numerus="yes">
        <location line="+285"/>
        <source>%n sáng kiến</source>
        <translation>
            <numerusform>%n initiative</numerusform>
            <numerusform>%n initiatives</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source> (hiện %n)</source>
        <translation>
            <numerusform> (showing %n)</numerusform>
            <numerusform> (showing %n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../sangkien_desktop/gui/date_field.py" line="+94"/>
        <source>chưa có</source>
        <translation>none</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ngày/tháng/năm</source>
        <translation>day/month/year</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gõ ngày dạng ngày/tháng/năm, ví dụ 20/03/2023, hoặc chọn trên lịch</source>
        <translation>Type the date as day/month/year, for example 20/03/2023, or pick it on the calendar</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Chọn trên lịch</source>
        <translation>Pick on the calendar</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1: chưa có ngày; gõ ngày/tháng/năm, ví dụ 20/03/2023.</source>
        <translation>%1: no date yet; type day/month/year, for example 20/03/2023.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: “%2” không phải ngày có thật; gõ ngày/tháng/năm, ví dụ 20/03/2023.</source>
        <translation>%1: “%2” is not a real date; type day/month/year, for example 20/03/2023.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2 là ngày chưa tới (không được sau %3).</source>
        <translation>%1: %2 is still to come (it may not be after %3).</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../sangkien_desktop/gui/screens/rewards.py" line="+138"/>
        <source>In quyết định khen thưởng</source>
        <translation>Print reward decision</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Quyết định gồm các khen thưởng đã ghi theo số quyết định này.</source>
        <translation>The decision includes the rewards recorded under this decision number.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Số quyết định:</source>
        <translation>Decision number:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tiếp tục</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <location filename="../../sangkien_desktop/gui/app.py" line="+178"/>
        <source>Sao lưu hằng ngày chưa trọn vẹn: %1</source>
        <extracomment>Every desk, to find the one showing a main window (Desk.of). Desks made for main windows shown without one (Desk.adopting); Python must hold them. Why the daily backup at start could not be completed (&quot;&quot; when it could): the first main window shows it in its status bar.</extracomment>
        <translation>The daily backup is incomplete: %1</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Đã khôi phục dữ liệu từ bản sao lưu %1.

Tệp dữ liệu trước khi khôi phục được giữ tại:
%2</source>
        <translation>The data is restored from the backup %1.

The data file from before the restore is kept at:
%2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Sáng Kiến Desktop</source>
        <translation>Sáng Kiến Desktop</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Lần trước, Sáng Kiến Desktop đã đóng đột ngột do một lỗi nghiêm trọng. Dữ liệu đã lưu trước đó vẫn an toàn; thao tác đang làm dở lúc ấy có thể chưa được lưu.

Dấu vết của lỗi được giữ tại:
%1

Hãy gửi tệp này cho người hỗ trợ kỹ thuật.</source>
        <translation>Last time, Sáng Kiến Desktop closed suddenly because of a serious error. The data saved before is safe; what was being done at that moment may not have been saved.

A trace of the error is kept at:
%1

Please send this file to your technical support.</translation>
    </message>
</context>
<context>
    <name>EditorForm</name>
    <message>
        <location filename="../../sangkien_desktop/gui/editor_form.py" line="+113"/>
        <source>Thông tin chung</source>
        <translation>General</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tác giả</source>
        <translation>Authors</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nội dung</source>
        <translation>Content</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Áp dụng và lợi ích</source>
        <translation>Use and benefits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Công nhận</source>
        <translation>Recognition</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đề tài NCKH</source>
        <translation>Research project</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sở hữu trí tuệ</source>
        <translation>Intellectual property</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rà soát nội dung</source>
        <translation>Content review</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đính kèm</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lịch sử</source>
        <translation>History</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Tự cấp khi lưu (SK-năm-số thứ tự)</source>
        <translation>Assigned on saving (SK-year-number)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tên sáng kiến như ghi trong đơn yêu cầu công nhận</source>
        <translation>The title as written on the application for recognition</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ví dụ: Cơ khí chế tạo, An toàn lao động</source>
        <translation>e.g. Cơ khí chế tạo, An toàn lao động</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mã sáng kiến</source>
        <translation>Initiative code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tên sáng kiến</source>
        <translation>Initiative title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loại giải pháp</source>
        <translation>Kind of solution</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thuộc dạng</source>
        <translation>Sub-kind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lĩnh vực áp dụng</source>
        <translation>Field of application</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Theo bản mô tả sáng kiến (mục 3) và đơn yêu cầu công nhận.</source>
        <translation>As in the description of the initiative (section 3) and the application for recognition.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>3.1. Giải pháp đã biết và nhược điểm cần khắc phục</source>
        <translation>3.1. The known solution and the shortcomings to overcome</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3.2. Nội dung giải pháp (bản chất, các bước thực hiện)</source>
        <translation>3.2. The solution (its substance, the steps to carry it out)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tính mới so với giải pháp đã biết</source>
        <translation>What is new compared with the known solution</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3.3. Khả năng áp dụng (điều kiện cần thiết, nơi áp dụng)</source>
        <translation>3.3. Applicability (conditions needed, where it applies)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nguyên nhân hình thành sáng kiến (đăng kèm trên Cổng)</source>
        <translation>How the initiative came about (published with it on the portal)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thông tin cần được bảo mật (nếu có)</source>
        <translation>Information to keep confidential (if any)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Chương trình tính các sáng kiến đưa vào áp dụng (hoặc áp dụng thử) từ %1 đến %2.</source>
        <translation>The programme counts initiatives put into application (or trial application) from %1 to %2.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Chưa ghi</source>
        <translation>Not given</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Đã áp dụng</source>
        <translation>Applied</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Áp dụng thử</source>
        <translation>Trial application</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Phân xưởng, phòng, tổ đã áp dụng</source>
        <translation>Workshop, department or team where it was applied</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hình thức</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày áp dụng lần đầu</source>
        <translation>First applied on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nơi áp dụng</source>
        <translation>Applied at</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lợi ích kinh tế</source>
        <translation>Economic benefit</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>đồng</source>
        <translation>VND</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tăng năng suất, giảm chi phí, nâng cao chất lượng… (cách tính giá trị)</source>
        <translation>Higher productivity, lower cost, better quality… (how the value is worked out)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Giá trị làm lợi</source>
        <translation>Economic benefit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mô tả hiệu quả</source>
        <translation>Description of the benefit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lợi ích xã hội</source>
        <translation>Social benefit</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Mô tả lợi ích xã hội đã chọn</source>
        <translation>Description of the social benefits chosen</translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>Ghi ngày Hội đồng nhận đơn (sổ tiếp nhận) và quyết định công nhận khi có. Đơn vị trả lời trong %n tháng kể từ ngày nhận đơn.</source>
        <translation>
            <numerusform>Record the day the council received the application (receipt register) and the recognition decision when there is one. The unit answers within %n month of receiving the application.</numerusform>
            <numerusform>Record the day the council received the application (receipt register) and the recognition decision when there is one. The unit answers within %n months of receiving the application.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Chưa được công nhận</source>
        <translation>Not recognised yet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hội đồng sáng kiến</source>
        <translation>Initiative council</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thủ trưởng đơn vị</source>
        <translation>Head of the unit</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ví dụ: Hội đồng sáng kiến Công ty …</source>
        <translation>e.g. Hội đồng sáng kiến Công ty …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ví dụ: 15/QĐ-HĐSK</source>
        <translation>e.g. 15/QĐ-HĐSK</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ngày nhận đơn</source>
        <translation>Application received on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Công nhận bởi</source>
        <translation>Recognised by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cơ quan, đơn vị công nhận</source>
        <translation>Recognising body</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số quyết định</source>
        <translation>Decision number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày quyết định</source>
        <translation>Decision date</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Đề tài cấp tỉnh, bộ, ngành phải được nghiệm thu, ứng dụng vào thực tế từ %1 và được thủ trưởng đơn vị nơi ứng dụng xác nhận hiệu quả kinh tế – xã hội.</source>
        <translation>A provincial, ministry or sector research project must be accepted, applied in practice since %1, and its economic and social effect confirmed by the head of the unit where it is applied.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+180"/>
        <source>Chưa chọn</source>
        <translation>Not chosen</translation>
    </message>
    <message>
        <location line="-170"/>
        <source>Họ tên, chức vụ thủ trưởng đơn vị ứng dụng</source>
        <translation>Name and position of the head of the applying unit</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cấp đề tài</source>
        <translation>Project level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày nghiệm thu</source>
        <translation>Accepted on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ứng dụng vào thực tế từ</source>
        <translation>Applied in practice since</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Người xác nhận hiệu quả</source>
        <translation>Effect confirmed by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số văn bản xác nhận</source>
        <translation>Confirmation document number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày xác nhận</source>
        <translation>Confirmed on</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Sáng kiến đang được bảo hộ quyền sở hữu trí tuệ (sáng chế, giải pháp hữu ích, kiểu dáng công nghiệp, giống cây trồng…) thì không được tham gia Chương trình.</source>
        <translation>An initiative currently protected as intellectual property (patent, utility solution, industrial design, plant variety…) cannot take part in the programme.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Đang được bảo hộ quyền sở hữu trí tuệ</source>
        <translation>Currently protected as intellectual property</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Số văn bằng bảo hộ</source>
        <translation>Protection certificate number</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Số văn bằng</source>
        <translation>Certificate number</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Phần mềm không tự đánh giá được nội dung có trái trật tự công cộng, đạo đức xã hội hay không: một thành viên Tổ hỗ trợ sáng kiến đọc và xác nhận đã rà soát. Chưa có xác nhận thì chưa gửi được lên Cổng.</source>
        <translation>Software cannot judge whether content is against public order or social morality: a member of the initiative support team reads it and confirms the review. Without that confirmation it cannot be sent to the portal.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Họ tên thành viên Tổ hỗ trợ đã rà soát</source>
        <translation>Name of the support team member who reviewed it</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Người rà soát</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày rà soát</source>
        <translation>Reviewed on</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tôi (%1) đã rà soát hôm nay</source>
        <translation>I (%1) reviewed it today</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Mọi lần tạo, sửa, chuyển trạng thái và nhập từ tệp, mới nhất ở trên: ai làm, lúc nào, giá trị cũ → mới. Di chuột lên một dòng để xem đầy đủ.</source>
        <translation>Every creation, edit, status change and import from a file, newest first: who, when, old value → new value. Hover over a row to see it in full.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Thời điểm</source>
        <translation>When</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Thao tác</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nội dung thay đổi</source>
        <translation>Changes</translation>
    </message>
    <message>
        <location line="+215"/>
        <source>Tạo mới</source>
        <translation>Created</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sửa</source>
        <translation>Edited</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chuyển trạng thái</source>
        <translation>Status changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhập từ tệp</source>
        <translation>Imported from a file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cập nhật từ tệp</source>
        <translation>Updated from a file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xóa</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(không thay đổi giá trị nào)</source>
        <translation>(no value changed)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ghi chú: %1</source>
        <translation>Note: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(không ghi tên)</source>
        <translation>(no name recorded)</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>… và %n thay đổi khác</source>
        <translation>
            <numerusform>… and %n more change</numerusform>
            <numerusform>… and %n more changes</numerusform>
        </translation>
    </message>
    <message>
        <location line="-243"/>
        <source>Người thực hiện</source>
        <translation>By</translation>
    </message>
    <message>
        <location line="+73"/>
        <location line="+50"/>
        <source>Mã đã cấp, không đổi được</source>
        <translation>Code assigned; it cannot change</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tạo lúc %1</source>
        <translation>Created %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> · cập nhật lúc %1</source>
        <translation> · updated %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chưa lưu</source>
        <translation>Not saved</translation>
    </message>
</context>
<context>
    <name>ExportScreen</name>
    <message>
        <location filename="../../sangkien_desktop/gui/screens/export.py" line="+245"/>
        <source>Gửi lên Cổng</source>
        <translation>Send to portal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Xuất các sáng kiến “Sẵn sàng gửi” thành gói có chữ ký của đơn vị để gửi công đoàn cấp trên; khi sáng kiến đã có trên Cổng trực tuyến Công đoàn Việt Nam, xác nhận gói đã lên Cổng.</source>
        <translation>Export “Ready to send” initiatives as a bundle signed by the unit, to send to the superior union; once the initiatives are on the Vietnam Trade Union online portal, confirm that the bundle is on the portal.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Khóa ký của đơn vị</source>
        <translation>Unit signing key</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tạo khóa ký…</source>
        <translation>Create signing key…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Gói tiếp theo</source>
        <translation>Next bundle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sáng kiến chưa gửi hoặc đã sửa sau lần gửi trước</source>
        <translation>Initiatives not yet sent or edited since the last send</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tất cả sáng kiến từ “Sẵn sàng gửi” trở đi</source>
        <translation>All initiatives from “Ready to send” onwards</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tên sáng kiến</source>
        <translation>Initiative title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tác giả</source>
        <translation>Authors</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp đính kèm</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Xuất gói…</source>
        <translation>Export bundle…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Gửi:</source>
        <translation>Send:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Các gói đã xuất</source>
        <translation>Exported bundles</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Số</source>
        <translation>No.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày xuất</source>
        <translation>Exported on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sáng kiến</source>
        <translation>Initiatives</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chờ lên Cổng</source>
        <translation>Awaiting portal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lên Cổng</source>
        <translation>On portal</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Xác nhận đã lên Cổng…</source>
        <translation>Confirm upload to portal…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kiểm tra gói…</source>
        <translation>Check bundle…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kết quả kiểm tra gói hiện ở đây (đủ tệp, đúng chữ ký, số sáng kiến).</source>
        <translation>Bundle check results appear here (files complete, signature valid, number of initiatives).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Kiểm tra gói</source>
        <translation>Check bundle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kiểm tra một tệp gói trước khi gửi đi (hoặc gói nhận được).</source>
        <translation>Check a bundle file before sending it (or a bundle you received).</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Đơn vị chưa có khóa ký: hãy tạo khóa trước khi xuất gói đầu tiên.</source>
        <translation>The unit has no signing key yet: create one before exporting the first bundle.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Dấu vân tay: %1 (tạo ngày %2). Gửi dấu vân tay này cho cấp trên.</source>
        <translation>Fingerprint: %1 (created %2). Send this fingerprint to the superior union.</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>%n sáng kiến trong gói</source>
        <translation>
            <numerusform>%n initiative in the bundle</numerusform>
            <numerusform>%n initiatives in the bundle</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Không có sáng kiến nào cần gửi</source>
        <translation>No initiatives need sending</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Đang tạo khóa ký…</source>
        <translation>Creating signing key…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Nhập mật khẩu khóa ký của đơn vị để ký gói.</source>
        <translation>Enter the unit signing key passphrase to sign the bundle.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Đang xuất gói…</source>
        <translation>Exporting bundle…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Đã xuất gói số %1: %2 sáng kiến, %3 tệp đính kèm (%4).
Tệp: %5</source>
        <translation>Exported bundle no. %1: %2 initiatives, %3 attachments (%4).
File: %5</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Không chuyển được trạng thái: %1</source>
        <translation>Could not change the status: %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Đang xác nhận đã lên Cổng…</source>
        <translation>Confirming upload to portal…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Đang kiểm tra gói…</source>
        <translation>Checking bundle…</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <location filename="../../sangkien_desktop/gui/editor_findings.py" line="+159"/>
        <source>Bấm vào một dòng để đến ô cần sửa</source>
        <translation>Click a line to go to the field to fix</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>&lt;span style=&quot;color:#c62828&quot;&gt;&lt;b&gt;%n lỗi&lt;/b&gt;&lt;/span&gt;</source>
        <translation>
            <numerusform>&lt;span style=&quot;color:#c62828&quot;&gt;&lt;b&gt;%n error&lt;/b&gt;&lt;/span&gt;</numerusform>
            <numerusform>&lt;span style=&quot;color:#c62828&quot;&gt;&lt;b&gt;%n errors&lt;/b&gt;&lt;/span&gt;</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source> — chưa thể gửi lên Cổng</source>
        <translation> — cannot be sent to the portal yet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;span style=&quot;color:#1e7b34&quot;&gt;&lt;b&gt;Không còn lỗi&lt;/b&gt;&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;color:#1e7b34&quot;&gt;&lt;b&gt;No errors&lt;/b&gt;&lt;/span&gt;</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>&lt;span style=&quot;color:#8a5a00&quot;&gt;%n điều cần lưu ý&lt;/span&gt;</source>
        <translation>
            <numerusform>&lt;span style=&quot;color:#8a5a00&quot;&gt;%n warning&lt;/span&gt;</numerusform>
            <numerusform>&lt;span style=&quot;color:#8a5a00&quot;&gt;%n warnings&lt;/span&gt;</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+3"/>
        <location line="+4"/>
        <source>chưa xác định</source>
        <translation>not determined</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Được công nhận cho: %1&lt;br&gt;Ngày đủ điều kiện: %2&lt;br&gt;Giai đoạn: %3</source>
        <translation>Credited to: %1&lt;br&gt;Eligible on: %2&lt;br&gt;Phase: %3</translation>
    </message>
</context>
<context>
    <name>FirstAccountsDialog</name>
    <message>
        <location filename="../../sangkien_desktop/gui/accounts.py" line="-418"/>
        <source>Tạo tài khoản người dùng</source>
        <translation>Create user accounts</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tạo tài khoản</source>
        <translation>Create accounts</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Từ khi có tài khoản, mỗi lần mở ứng dụng cần đăng nhập, và mỗi việc chỉ làm được với vai trò phù hợp.</source>
        <translation>Once accounts exist, everyone must sign in each time the application opens, and each task can only be done with a role that allows it.</translation>
    </message>
</context>
<context>
    <name>FirstAccountsForm</name>
    <message>
        <location line="-81"/>
        <source>Người quản trị</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chủ tịch công đoàn</source>
        <translation>Union chair</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quản lý tài khoản, cài đặt và khóa ký của đơn vị; không sửa sáng kiến.</source>
        <translation>Manages the accounts, the settings and the unit signing key; does not edit initiatives.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Công nhận sáng kiến, ký gói hồ sơ gửi cấp trên, in giấy chứng nhận, ghi khen thưởng; nhập và sửa sáng kiến như Tổ hỗ trợ.</source>
        <translation>Recognises initiatives, signs the bundles sent to the superior union, prints certificates, records rewards; enters and edits initiatives like the support team.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Người quản trị quản lý tài khoản, cài đặt và khóa ký; Chủ tịch công nhận sáng kiến, ký gói hồ sơ và in giấy chứng nhận. Một người có thể giữ cả hai tài khoản (hai tên đăng nhập khác nhau). Tài khoản cho Tổ hỗ trợ và người chỉ xem thêm sau trong Cài đặt.</source>
        <translation>The administrator manages the accounts, the settings and the signing key; the chair recognises initiatives, signs bundles and prints certificates. One person may hold both accounts (with two different user names). Accounts for the support team and for view-only users are added later in Settings.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Hai tài khoản cần hai tên đăng nhập khác nhau.</source>
        <translation>The two accounts need two different user names.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../sangkien_desktop/gui/first_run.py" line="+180"/>
        <source>Sáng Kiến Desktop — Bắt đầu sử dụng</source>
        <translation>Sáng Kiến Desktop — Getting started</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Thoát?</source>
        <translation>Quit?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa khai báo xong công đoàn cơ sở. Thoát và bỏ những gì đã nhập?</source>
        <translation>The union is not set up yet. Quit and discard what you have entered?</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Đang thêm đoàn viên…</source>
        <translation>Adding members…</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../sangkien_desktop/gui/spreadsheet_dialogs.py" line="+164"/>
        <source>Xem trước khi nhập — %1</source>
        <translation>Import preview — %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Trang “%1”: %2 dòng %3 — %4 thêm mới, %5 cập nhật. %6 lỗi, %7 lưu ý.</source>
        <translation>Sheet “%1”: %2 rows %3 — %4 new, %5 updated. %6 errors, %7 warnings.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cột đọc được: %1</source>
        <translation>Columns read: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cột bỏ qua: %1</source>
        <translation>Columns ignored: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Tệp có lỗi nên chưa nhập được: sửa các dòng tô đỏ trong Excel rồi mở lại.</source>
        <translation>The file has errors and cannot be imported yet: fix the rows marked in red in Excel, then open it again.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Không có lỗi. Nhập sẽ ghi tất cả các dòng trong một lần.</source>
        <translation>No errors. Importing writes all rows in one go.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Chỉ hiện các dòng có vấn đề</source>
        <translation>Show only rows with problems</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Nhập %n dòng</source>
        <translation>
            <numerusform>Import %n row</numerusform>
            <numerusform>Import %n rows</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>InitiativeEditor</name>
    <message>
        <location filename="../../sangkien_desktop/gui/editor.py" line="+209"/>
        <source>Đóng (hỏi lưu nếu có thay đổi)</source>
        <translation>Close (asks to save any changes)</translation>
    </message>
    <message>
        <location line="-96"/>
        <location line="+84"/>
        <location line="+253"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="-336"/>
        <source>Lưu sáng kiến (Ctrl+S)</source>
        <translation>Save the initiative (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+84"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>Kiểm tra hồ sơ</source>
        <translation>Dossier check</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Mục sau</source>
        <translation>Next section</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mục trước</source>
        <translation>Previous section</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Chế độ chỉ xem — vai trò %1 không được sửa sáng kiến.</source>
        <translation>View only — the role %1 may not edit initiatives.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Sáng kiến mới</source>
        <translation>New initiative</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>chưa có tên</source>
        <translation>untitled</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sáng kiến %1</source>
        <translation>Initiative %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sáng kiến mới (mã tự cấp khi lưu)</source>
        <translation>New initiative (code assigned on saving)</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>%1 lỗi, %2 lưu ý</source>
        <translation>%1 errors, %2 warnings</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>Đã lưu %1 lúc %2.</source>
        <translation>Saved %1 at %2.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Sáng Kiến Desktop</source>
        <translation>Sáng Kiến Desktop</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sáng kiến %1 có thay đổi chưa lưu.</source>
        <translation>Initiative %1 has unsaved changes.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lưu trước khi đóng?</source>
        <translation>Save before closing?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Không lưu</source>
        <translation>Don&apos;t Save</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>InitiativeTableModel</name>
    <message>
        <location filename="../../sangkien_desktop/gui/initiative_model.py" line="+54"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tên sáng kiến</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tác giả được công nhận</source>
        <translation>Credited author</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giai đoạn</source>
        <translation>Phase</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lỗi</source>
        <translation>Errors</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lưu ý</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đủ điều kiện</source>
        <translation>Eligible on</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Áp dụng từ</source>
        <translation>Applied since</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ngày công nhận</source>
        <translation>Recognised on</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Giá trị làm lợi</source>
        <translation>Economic benefit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lĩnh vực</source>
        <translation>Field</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Người hỗ trợ</source>
        <translation>Assigned to</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hạn xử lý</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cập nhật</source>
        <translation>Updated</translation>
    </message>
</context>
<context>
    <name>InitiativesScreen</name>
    <message>
        <location filename="../../sangkien_desktop/gui/screens/initiatives.py" line="+83"/>
        <source>Tìm theo mã, tên sáng kiến, tác giả — gõ có dấu hoặc không dấu (Ctrl+F)</source>
        <translation>Search by code, title or author — with or without diacritics (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mọi trạng thái</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mọi loại</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mọi giai đoạn</source>
        <translation>All phases</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chưa xác định</source>
        <translation>Not determined</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mọi năm</source>
        <translation>All years</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lỗi và hợp lệ</source>
        <translation>With and without errors</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Còn lỗi</source>
        <translation>With errors</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Không còn lỗi</source>
        <translation>Without errors</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Thêm sáng kiến</source>
        <translation>New initiative</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thêm sáng kiến mới (Ctrl+N)</source>
        <translation>Add a new initiative (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cột</source>
        <translation>Columns</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Tìm</source>
        <translation>Find</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Đang tìm…</source>
        <translation>Searching…</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <location line="+130"/>
        <source>%n sáng kiến</source>
        <translation>
            <numerusform>%n initiative</numerusform>
            <numerusform>%n initiatives</numerusform>
        </translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Mở hồ sơ</source>
        <translation>Open dossier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chuyển trạng thái…</source>
        <translation>Change status…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Giao người hỗ trợ…</source>
        <translation>Assign a helper…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Chuyển trạng thái, giao người hỗ trợ (chuột phải)</source>
        <translation>Change status, assign (right-click)</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Thao tác với %n sáng kiến đã chọn</source>
        <translation>
            <numerusform>Actions for %n selected</numerusform>
            <numerusform>Actions for %n selected</numerusform>
        </translation>
    </message>
    <message>
        <source>Thao tác</source>
        <translation type="vanished">Actions</translation>
    </message>
    <message>
        <source>Thao tác với các sáng kiến đang chọn</source>
        <translation type="vanished">Actions on the selected initiatives</translation>
    </message>
</context>
<context>
    <name>InternalErrorDialog</name>
    <message>
        <location filename="../../sangkien_desktop/gui/errors.py" line="+70"/>
        <source>Lỗi nội bộ — Sáng Kiến Desktop</source>
        <extracomment>The internal-error dialog shown now, if any (more errors go into it). The message box of a user error shown now, if any (another is not stacked on it). How many times each traceback was seen (bounded). True while the hook runs: an error raised by the hook itself goes to Python&apos;s own hook.</extracomment>
        <translation>Internal error — Sáng Kiến Desktop</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Đã xảy ra lỗi nội bộ trong Sáng Kiến Desktop.</source>
        <translation>An internal error occurred in Sáng Kiến Desktop.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Chi tiết lỗi đã được ghi vào tệp nhật ký:
%1</source>
        <translation>The details are written to the log file:
%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Không ghi được tệp nhật ký; hãy sao chép chi tiết bên dưới.</source>
        <translation>The log file could not be written; copy the details below.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Dữ liệu đã lưu trước đó vẫn an toàn. Thao tác vừa làm có thể chưa hoàn tất: hãy kiểm tra lại rồi làm lại nếu cần.</source>
        <translation>The data saved before is safe. What you just did may not be complete: check it, and do it again if needed.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hãy gửi tệp nhật ký (hoặc phần chi tiết) cho người hỗ trợ kỹ thuật.</source>
        <translation>Please send the log file (or the details) to your technical support.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sao chép chi tiết</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mở thư mục nhật ký</source>
        <translation>Open the log folder</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Lỗi tiếp theo (%1):</source>
        <translation>Next error (%1):</translation>
    </message>
</context>
<context>
    <name>LockOverlay</name>
    <message>
        <location filename="../../sangkien_desktop/gui/lock.py" line="+75"/>
        <source>Màn hình đã khóa</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (%2) đang đăng nhập. Nhập mật khẩu để tiếp tục làm việc.</source>
        <translation>%1 (%2) is signed in. Enter the password to continue working.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mở khóa</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đăng xuất</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cho người khác đăng nhập; các cửa sổ sáng kiến được đóng như thường lệ.</source>
        <translation>Let someone else sign in; the initiative windows close as usual.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Sáng Kiến Desktop — Đã khóa</source>
        <translation>Sáng Kiến Desktop — Locked</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../sangkien_desktop/gui/login.py" line="+106"/>
        <source>Sáng Kiến Desktop — Đăng nhập</source>
        <translation>Sáng Kiến Desktop — Sign in</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sáng Kiến Desktop</source>
        <translation>Sáng Kiến Desktop</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Dữ liệu mẫu: tài khoản %1, mật khẩu %2</source>
        <translation>Demo data: accounts %1, password %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Đăng nhập</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../sangkien_desktop/gui/main_window.py" line="+200"/>
        <source>Phím tắt</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>Cửa sổ sáng kiến</source>
        <translation>Initiative window</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cửa sổ chính</source>
        <translation>Main window</translation>
    </message>
    <message>
        <location line="-215"/>
        <source>Sáng Kiến Desktop</source>
        <translation>Sáng Kiến Desktop</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Tổng quan</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sáng kiến</source>
        <translation>Initiatives</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tổ hỗ trợ</source>
        <translation>Support team</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đoàn viên</source>
        <translation>Members</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Khen thưởng</source>
        <translation>Rewards</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gửi lên Cổng</source>
        <translation>Send to portal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Báo cáo</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Dữ liệu: %1</source>
        <translation>Data: %1</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Màn hình này đang được xây dựng.</source>
        <translation>This screen is under construction.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Thêm sáng kiến</source>
        <translation>New initiative</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tìm sáng kiến</source>
        <translation>Find initiative</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Trợ &amp;giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+74"/>
        <source>Giới thiệu</source>
        <translation>About</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>Tài &amp;khoản</source>
        <translation>&amp;Account</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Khóa màn hình</source>
        <translation>Lock screen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Đổi mật khẩu…</source>
        <translation>Change password…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đăng xuất</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Chưa có tài khoản người dùng: tạo tài khoản trong Cài đặt.</source>
        <translation>No user accounts yet: create them in Settings.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tạo tài khoản…</source>
        <translation>Create accounts…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Một người dùng (chưa có tài khoản)</source>
        <translation>Single user (no accounts yet)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cơ sở dữ liệu chưa có tài khoản: ai mở ứng dụng cũng làm được mọi việc. Tạo tài khoản trong Cài đặt.</source>
        <translation>This database has no accounts yet: anyone who opens the application can do everything. Create accounts in Settings.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đăng nhập: %1 (vai trò %2)</source>
        <translation>Signed in as %1 (role %2)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Sáng Kiến Desktop %1
Sổ sáng kiến của công đoàn cơ sở — Chương trình “01 triệu sáng kiến” (%2).</source>
        <translation>Sáng Kiến Desktop %1
The initiative register of a grassroots trade union — programme “01 triệu sáng kiến” (One million initiatives, %2).</translation>
    </message>
    <message numerus="yes">
        <location line="+89"/>
        <source>%n sáng kiến sẵn sàng gửi</source>
        <translation>
            <numerusform>%n initiative ready to send</numerusform>
            <numerusform>%n initiatives ready to send</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <location filename="../../sangkien_desktop/gui/dialogs.py" line="+147"/>
        <source>Sửa đoàn viên</source>
        <translation>Edit member</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thêm đoàn viên</source>
        <translation>Add member</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(không ghi)</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Đang sinh hoạt</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="-26"/>
        <location line="+27"/>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giới tính</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phòng ban</source>
        <translation>Department</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chức vụ</source>
        <translation>Position</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trình độ</source>
        <translation>Qualification</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đối tượng</source>
        <translation>Category</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>MemberTableModel</name>
    <message>
        <location filename="../../sangkien_desktop/gui/screens/members.py" line="+77"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giới tính</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phòng ban</source>
        <translation>Department</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chức vụ</source>
        <translation>Position</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trình độ</source>
        <translation>Qualification</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đối tượng</source>
        <translation>Category</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sinh hoạt</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Đang sinh hoạt</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Không còn</source>
        <translation>Inactive</translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <location filename="../../sangkien_desktop/gui/first_run.py" line="-208"/>
        <source>Danh sách đoàn viên</source>
        <translation>Member list</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bước 3/3, không bắt buộc. Nhập danh sách từ tệp Excel, hoặc bấm Hoàn tất để bỏ qua và nhập sau ở màn hình Đoàn viên.</source>
        <translation>Step 3 of 3, optional. Import the list from an Excel file, or click Finish to skip and import it later on the Members screen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Chọn tệp Excel…</source>
        <translation>Choose Excel file…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bỏ tệp này</source>
        <translation>Drop this file</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giới tính</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phòng ban</source>
        <translation>Department</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chức vụ</source>
        <translation>Position</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Tệp .xlsx, trang đầu tiên; dòng đầu là tiêu đề cột. Cần cột “Họ và tên”; có thể thêm “Ngày sinh” (dd/mm/yyyy), “Giới tính”, “Phòng ban”, “Chức vụ”, “Trình độ”, “Đối tượng”.</source>
        <translation>An .xlsx file, first sheet; the first row holds the column headings. A “Họ và tên” (full name) column is required; “Ngày sinh” (date of birth, dd/mm/yyyy), “Giới tính” (gender), “Phòng ban” (department), “Chức vụ” (position), “Trình độ” (qualification) and “Đối tượng” (category) are optional.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Chọn danh sách đoàn viên</source>
        <translation>Choose the member list</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bảng tính Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Đang đọc %1…</source>
        <translation>Reading %1…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Đang đọc danh sách đoàn viên…</source>
        <translation>Reading the member list…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Tệp %1 không có dòng đoàn viên nào dưới dòng tiêu đề.</source>
        <translation>%1 has no member rows below the heading row.</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Đã đọc %n đoàn viên từ tệp %1. Họ sẽ được thêm khi bấm Hoàn tất.</source>
        <translation>
            <numerusform>Read %n member from %1. They will be added when you click Finish.</numerusform>
            <numerusform>Read %n members from %1. They will be added when you click Finish.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Không nhập được tệp này.
%1
Hãy sửa tệp rồi chọn lại, hoặc bấm Hoàn tất để bỏ qua bước này.</source>
        <translation>This file cannot be imported.
%1
Correct the file and choose it again, or click Finish to skip this step.</translation>
    </message>
</context>
<context>
    <name>MembersScreen</name>
    <message>
        <location filename="../../sangkien_desktop/gui/screens/members.py" line="+44"/>
        <source>Đoàn viên</source>
        <translation>Members</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tìm theo họ tên — gõ có dấu hoặc không dấu</source>
        <translation>Search by name — with or without diacritics</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đang sinh hoạt</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không còn sinh hoạt</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thêm đoàn viên</source>
        <translation>Add member</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sửa</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+68"/>
        <source>Xóa</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>Nhập từ Excel…</source>
        <translation>Import from Excel…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tệp .xlsx có dòng tiêu đề: Họ và tên, Ngày sinh, Giới tính, Phòng ban, Chức vụ, Trình độ, Đối tượng. Người trùng họ tên và ngày sinh được cập nhật.</source>
        <translation>An .xlsx file with a heading row: Họ và tên, Ngày sinh, Giới tính, Phòng ban, Chức vụ, Trình độ, Đối tượng. A person with the same name and date of birth is updated.</translation>
    </message>
    <message numerus="yes">
        <location line="+103"/>
        <source>%n người đang sinh hoạt</source>
        <translation>
            <numerusform>%n active member</numerusform>
            <numerusform>%n active members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Đang hiển thị %n người</source>
        <translation>
            <numerusform>Showing %n person</numerusform>
            <numerusform>Showing %n people</numerusform>
        </translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Sinh hoạt lại</source>
        <translation>Reactivate</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ngừng sinh hoạt</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Đã thêm %1.</source>
        <translation>Added %1.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Đã lưu %1.</source>
        <translation>Saved %1.</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n người</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 sinh hoạt lại.</source>
        <translation>%1 is active again.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 đã ngừng sinh hoạt.</source>
        <translation>%1 is now inactive.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Xóa đoàn viên</source>
        <translation>Delete member</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Xóa hẳn %1 khỏi danh sách? Người đã là tác giả sáng kiến thì không xóa được; hãy chuyển sang “không còn sinh hoạt”.</source>
        <translation>Delete %1 from the list for good? An author of an initiative cannot be deleted; mark them inactive instead.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Đã xóa %1.</source>
        <translation>Deleted %1.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Đang nhập %1…</source>
        <translation>Importing %1…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Đang nhập đoàn viên từ %1…</source>
        <translation>Importing members from %1…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Đã nhập %1 đoàn viên mới, cập nhật %2.</source>
        <translation>Imported %1 new members, updated %2.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Không nhập được tệp.</source>
        <translation>The file could not be imported.</translation>
    </message>
</context>
<context>
    <name>MoneyEdit</name>
    <message>
        <location filename="../../sangkien_desktop/gui/editor_widgets.py" line="+38"/>
        <source>chưa tính được</source>
        <translation>not quantified</translation>
    </message>
</context>
<context>
    <name>MoveBar</name>
    <message>
        <location filename="../../sangkien_desktop/gui/editor_moves.py" line="+71"/>
        <source>Trả về…</source>
        <translation>Send back…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trả sáng kiến về bước trước để sửa hồ sơ</source>
        <translation>Send the initiative back a step to correct the dossier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chuyển sang bước tiếp theo</source>
        <translation>Move to the next step</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>← %1</source>
        <translation>← %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Lưu sáng kiến trước khi chuyển trạng thái.</source>
        <translation>Save the initiative before changing its state.</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+33"/>
        <source>Chuyển sang “%1”</source>
        <translation>Move to “%1”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chưa chuyển được: %1</source>
        <translation>Cannot move yet: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“%1” là bước cuối.</source>
        <translation>“%1” is the last step.</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <location filename="../../sangkien_desktop/gui/dialogs.py" line="-347"/>
        <source>Hội đồng sáng kiến</source>
        <translation>Initiative council</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thủ trưởng đơn vị</source>
        <translation>Head of the unit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ví dụ: Hội đồng sáng kiến Công ty …</source>
        <translation>For example: Initiative council of the company …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ví dụ: 15/QĐ-HĐSK</source>
        <translation>For example: 15/QĐ-HĐSK</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+5"/>
        <source>Ngày quyết định</source>
        <translation>Decision date</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Công nhận bởi</source>
        <translation>Recognised by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cơ quan, đơn vị công nhận</source>
        <translation>Recognising body</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số quyết định</source>
        <translation>Decision number</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cần số quyết định công nhận.</source>
        <translation>The recognition decision&apos;s number is needed.</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>Chuyển sang “%1”</source>
        <translation>Move to “%1”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chuyển %1 sang “%2”.</source>
        <translation>Move %1 to “%2”.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Ngày Hội đồng nhận đơn</source>
        <translation>Date the council received the application</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ngày đã cập nhật lên Cổng</source>
        <translation>Date uploaded to the portal</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Lý do Hội đồng không công nhận, theo văn bản trả lời</source>
        <translation>The council&apos;s reason for refusal, as in its written answer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lý do không công nhận</source>
        <translation>Reason for refusal</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Không bắt buộc</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chuyển</source>
        <translation>Move</translation>
    </message>
</context>
<context>
    <name>MoveReportDialog</name>
    <message>
        <location line="+211"/>
        <source>Kết quả chuyển trạng thái</source>
        <translation>Status change result</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>OverviewScreen</name>
    <message>
        <location filename="../../sangkien_desktop/gui/screens/overview.py" line="+263"/>
        <source>Cập nhật số liệu</source>
        <translation>Refresh figures</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Sáng kiến đã đăng ký</source>
        <translation>Registered initiatives</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đủ điều kiện tính vào Chương trình</source>
        <translation>Eligible for the Programme</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+13"/>
        <source>Tỷ lệ tham gia</source>
        <translation>Participation rate</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Giá trị làm lợi</source>
        <translation>Economic benefit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đoàn viên đang sinh hoạt</source>
        <translation>Active members</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Việc cần làm của Tổ hỗ trợ</source>
        <translation>Support team to-do</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sáng kiến theo tháng</source>
        <translation>Initiatives by month</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Theo loại giải pháp</source>
        <translation>By kind of solution</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tiến độ chỉ tiêu theo giai đoạn</source>
        <translation>Progress against targets by phase</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Việc cần làm</source>
        <translation>To do</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sáng kiến</source>
        <translation>Initiative</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chi tiết</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Số liệu đến ngày %1</source>
        <translation>Figures as of %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 đã được công nhận</source>
        <translation>%1 recognised</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>đã công nhận, không còn lỗi, trong giai đoạn</source>
        <translation>recognised, error-free, within the phase</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>chưa có số đoàn viên</source>
        <translation>no member count yet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>đạt mục tiêu %1%</source>
        <translation>target of %1% reached</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>mục tiêu %1% — cần thêm %2 tác giả</source>
        <translation>target %1% — %2 more authors needed</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>của các sáng kiến đủ điều kiện</source>
        <translation>from eligible initiatives</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 tác giả được công nhận</source>
        <translation>%1 credited authors</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 hồ sơ chờ Hội đồng quá hạn</source>
        <translation>%1 dossiers overdue at the council</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Đăng ký</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+105"/>
        <source>Đủ điều kiện</source>
        <translation>Eligible</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>%1 sáng kiến, %2 đủ điều kiện</source>
        <translation>%1 initiatives, %2 eligible</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Đã đạt</source>
        <translation>Reached</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Vượt mục tiêu</source>
        <translation>Above target</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Còn thiếu so với mục tiêu</source>
        <translation>Short of target</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phần còn lại của thang</source>
        <translation>Rest of the scale</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;b style=&apos;font-size:15pt&apos;&gt;%1&lt;/b&gt;&lt;br&gt;mục tiêu %2% · %3/%4 người</source>
        <translation>&lt;b style=&apos;font-size:15pt&apos;&gt;%1&lt;/b&gt;&lt;br&gt;target %2% · %3/%4 people</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Chỉ tiêu</source>
        <translation>Target</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1: %2/%3 (%4)</source>
        <translation>%1: %2/%3 (%4)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2, chưa đặt chỉ tiêu</source>
        <translation>%1: %2, no target set</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Chờ Hội đồng quá %1 tháng</source>
        <translation>With the council for over %1 months</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sẵn sàng nhưng chưa xuất gói</source>
        <translation>Ready but not exported yet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hồ sơ thiếu giấy tờ</source>
        <translation>Dossiers missing documents</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1
Người hỗ trợ: %2</source>
        <translation>%1
Assigned to: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>chưa giao</source>
        <translation>unassigned</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>… và %n hồ sơ khác</source>
        <translation>
            <numerusform>… and %n more dossier</numerusform>
            <numerusform>… and %n more dossiers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Việc cần làm — %n hồ sơ</source>
        <translation>
            <numerusform>To do — %n dossier</numerusform>
            <numerusform>To do — %n dossiers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>quá hạn %n ngày</source>
        <translation>
            <numerusform>%n day overdue</numerusform>
            <numerusform>%n days overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>chờ %n ngày</source>
        <translation>
            <numerusform>waiting %n day</numerusform>
            <numerusform>waiting %n days</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>đơn</source>
        <translation>application</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bản mô tả</source>
        <translation>description</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>quyết định</source>
        <translation>decision</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>thiếu %1</source>
        <translation>missing %1</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../sangkien_desktop/gui/screens/export.py" line="-456"/>
        <source>Mật khẩu khóa ký</source>
        <translation>Signing key passphrase</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Mật khẩu:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nhập lại:</source>
        <translation>Repeat:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Đồng ý</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Hai lần nhập mật khẩu không giống nhau.</source>
        <translation>The two passphrases do not match.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chưa nhập mật khẩu.</source>
        <translation>No passphrase entered.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../sangkien_desktop/gui/accounts.py" line="+119"/>
        <source>Mật khẩu hiện tại</source>
        <translation>Current password</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mật khẩu mới</source>
        <translation>New password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhập lại mật khẩu mới</source>
        <translation>Repeat new password</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ít nhất %1 ký tự.</source>
        <translation>At least %1 characters.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Đổi mật khẩu của tôi</source>
        <translation>Change my password</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Đặt lại mật khẩu của “%1”</source>
        <translation>Reset the password of “%1”</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../../sangkien_desktop/gui/spreadsheet_dialogs.py" line="-138"/>
        <source>Dòng</source>
        <translation>Row</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nội dung</source>
        <translation>Content</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sẽ làm</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Vấn đề</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Thêm mới</source>
        <translation>New</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cập nhật</source>
        <translation>Update</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không nhập được</source>
        <translation>Cannot import</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>cột %1</source>
        <translation>column %1</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../sangkien_desktop/gui/print_preview.py" line="+63"/>
        <source>đến</source>
        <translation>to</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Chưa chọn sáng kiến nào: sẽ in cho mọi sáng kiến đã công nhận, đủ điều kiện, còn tác giả chưa có giấy (%1 sáng kiến).</source>
        <translation>Nothing is selected: this prints for every recognised, eligible initiative with an author still without a certificate (%1 initiatives).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sẽ cấp %1 giấy chứng nhận mới, số %2 năm %3.</source>
        <translation>%1 new certificate(s) will be issued, numbers %2 of %3.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>In lại %1 giấy đã cấp (giữ nguyên số cũ).</source>
        <translation>%1 certificate(s) already issued are reprinted (with their numbers).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 sáng kiến chưa đủ điều kiện sẽ không được in.</source>
        <translation>%1 initiative(s) that do not qualify will not be printed.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Số chỉ được cấp khi bạn bấm “Cấp số và in”; số đã cấp không dùng lại.</source>
        <translation>Numbers are issued only when you press “Issue and print”; an issued number is never reused.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>In giấy chứng nhận</source>
        <translation>Print certificates</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cấp số và in</source>
        <translation>Issue and print</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Không tìm thấy tệp %1 (đã bị xóa hoặc di chuyển?).</source>
        <translation>File %1 was not found (deleted or moved?).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Máy này chưa có chương trình đọc tệp PDF nên không mở được tệp %1. Tệp đã được lưu; dùng “Xem trước” để xem và in ngay trong Sáng Kiến Desktop.</source>
        <translation>This PC has no PDF reader, so %1 could not be opened. The file is saved; use “Preview” to view and print it inside Sáng Kiến Desktop.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Không mở được tệp PDF</source>
        <translation>Could not open the PDF</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Số trang: %1</source>
        <translation>Pages: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lưu thành PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mở tệp PDF</source>
        <translation>Open PDF</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+96"/>
        <source>In</source>
        <translation>Print</translation>
    </message>
    <message>
        <location line="-83"/>
        <source>Không in được: máy in không sẵn sàng.</source>
        <translation>Could not print: the printer is not ready.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Lưu thành PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+200"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location line="-184"/>
        <source>Không lưu được tệp %1: %2</source>
        <translation>Could not save %1: %2</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Đơn yêu cầu công nhận sáng kiến</source>
        <extracomment>The dossier forms, in the order a dossier is put together.</extracomment>
        <translation>Application for recognition</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mô tả sáng kiến</source>
        <translation>Initiative description</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giấy biên nhận đơn</source>
        <translation>Application receipt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phiếu thông tin sáng kiến</source>
        <translation>Portal information sheet</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>In giấy chứng nhận hoặc các mẫu đơn của sáng kiến này</source>
        <translation>Print this initiative&apos;s certificate or its dossier forms</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+25"/>
        <source>Giấy chứng nhận sáng kiến…</source>
        <translation>Recognition certificate…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Giấy chứng nhận (chưa đủ điều kiện: xem Kiểm tra hồ sơ)</source>
        <translation>Certificate (does not qualify yet: see Dossier check)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Giấy chứng nhận (khi sáng kiến đã được công nhận)</source>
        <translation>Certificate (once the initiative is recognised)</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Đã dựng %1 của sáng kiến %2.</source>
        <translation>%1 of initiative %2 is ready.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Lưu giấy chứng nhận sáng kiến</source>
        <translation>Save the recognition certificates</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Đã in %1 giấy chứng nhận vào tệp %2.</source>
        <translation>Printed %1 certificate(s) to %2.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>In giấy chứng nhận của sáng kiến đã chọn…</source>
        <translation>Print the selected initiatives&apos; certificates…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>In mẫu đơn</source>
        <translation>Print a dossier form</translation>
    </message>
    <message>
        <source>Đã in %n giấy chứng nhận vào tệp %1.</source>
        <translation type="obsolete">Printed %n certificate to %1.</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Giấy chứng nhận sáng kiến</source>
        <translation>Recognition certificate</translation>
    </message>
</context>
<context>
    <name>ReportLoader</name>
    <message>
        <location filename="../../sangkien_desktop/gui/screens/overview.py" line="-363"/>
        <source>Đang tính số liệu…</source>
        <extracomment>Up to this many initiatives the figures are computed at once (about 0.15 s), beyond in the background. Dossiers listed under each heading of the to-do list; the rest are counted.</extracomment>
        <translation>Calculating figures…</translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <location filename="../../sangkien_desktop/gui/screens/reports.py" line="+122"/>
        <source>Báo cáo</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Tổng hợp</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+135"/>
        <source>Chỉ tiêu</source>
        <translation>Targets</translation>
    </message>
    <message>
        <location line="-130"/>
        <source>Phòng ban</source>
        <translation>Department</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đoàn viên</source>
        <translation>Members</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tác giả được công nhận</source>
        <translation>Credited authors</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tỷ lệ tham gia</source>
        <translation>Participation rate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sáng kiến</source>
        <translation>Initiatives</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+87"/>
        <location line="+38"/>
        <source>Đủ điều kiện</source>
        <translation>Eligible</translation>
    </message>
    <message>
        <location line="-124"/>
        <location line="+86"/>
        <source>Giá trị làm lợi</source>
        <translation>Economic benefit</translation>
    </message>
    <message>
        <location line="-83"/>
        <source>Theo phòng ban</source>
        <translation>By department</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Người hỗ trợ</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang xử lý</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quá hạn xử lý</source>
        <translation>Past due date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chờ Hội đồng quá %1 tháng</source>
        <translation>With the council over %1 months</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sẵn sàng gửi</source>
        <translation>Ready to send</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tổ hỗ trợ</source>
        <translation>Support team</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Báo cáo thống kê…</source>
        <translation>Statistics report…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Danh sách sáng kiến (theo bộ lọc đang xem)…</source>
        <translation>Initiative list (current filter)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Danh sách đoàn viên…</source>
        <translation>Member list…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sáng kiến…</source>
        <translation>Initiatives…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đoàn viên…</source>
        <translation>Members…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mẫu nhập sáng kiến…</source>
        <translation>Initiative import template…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mẫu nhập đoàn viên…</source>
        <translation>Member import template…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Xuất Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nhập từ Excel</source>
        <translation>Import from Excel</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tệp mẫu Excel</source>
        <translation>Excel templates</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Số sáng kiến</source>
        <translation>Initiatives</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loại giải pháp</source>
        <translation>Kind of solution</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giai đoạn</source>
        <translation>Phase</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Theo trạng thái</source>
        <translation>By status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Theo loại giải pháp</source>
        <translation>By kind of solution</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Theo giai đoạn</source>
        <translation>By phase</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Chỉ tiêu của đơn vị theo giai đoạn và theo quý (Mục II Hướng dẫn %1). Bấm đúp vào ô “Chỉ tiêu” để sửa; 0 là bỏ chỉ tiêu. “Đủ điều kiện” đếm các sáng kiến đã được công nhận, không còn lỗi, theo ngày đủ điều kiện.</source>
        <translation>The unit&apos;s targets by phase and by quarter (Section II of Guidance %1). Double-click a “Target” cell to edit it; 0 removes the target. “Eligible” counts initiatives that are recognised and error-free, by eligibility date.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Kỳ</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tỷ lệ đạt</source>
        <translation>Achieved</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Số liệu đến ngày %1</source>
        <translation>Figures as of %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;%1&lt;/b&gt; sáng kiến, &lt;b&gt;%2&lt;/b&gt; đủ điều kiện tính vào Chương trình, giá trị làm lợi &lt;b&gt;%3&lt;/b&gt;. Tỷ lệ tham gia &lt;b&gt;%4&lt;/b&gt; (%5 tác giả được công nhận / %6 người; mục tiêu %7%).</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; initiatives, &lt;b&gt;%2&lt;/b&gt; eligible for the Programme, economic benefit &lt;b&gt;%3&lt;/b&gt;. Participation rate &lt;b&gt;%4&lt;/b&gt; (%5 credited authors / %6 people; target %7%).</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+64"/>
        <source>Tổng cộng</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>(Chưa giao)</source>
        <translation>(Unassigned)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Chưa xác định giai đoạn</source>
        <translation>Phase not determined</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Quý %1/%2</source>
        <translation>Q%1 %2</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Bấm đúp để sửa chỉ tiêu</source>
        <translation>Double-click to edit the target</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Đã lưu chỉ tiêu %1: %2.</source>
        <translation>Saved the target for %1: %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bỏ chỉ tiêu</source>
        <translation>target removed</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Đã hủy; dữ liệu và tệp không thay đổi.</source>
        <translation>Cancelled; no data or files were changed.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Đã lưu %1.</source>
        <translation>Saved %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lưu báo cáo thống kê</source>
        <translation>Save statistics report</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Đang xuất báo cáo thống kê…</source>
        <translation>Exporting the statistics report…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Lưu danh sách sáng kiến</source>
        <translation>Save initiative list</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Đang xuất danh sách sáng kiến…</source>
        <translation>Exporting the initiative list…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã xuất %1 sáng kiến vào %2.</source>
        <translation>Exported %1 initiatives to %2.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Lưu danh sách đoàn viên</source>
        <translation>Save member list</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Đang xuất danh sách đoàn viên…</source>
        <translation>Exporting the member list…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã xuất %1 đoàn viên vào %2.</source>
        <translation>Exported %1 members to %2.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Lưu tệp mẫu</source>
        <translation>Save template</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Không ghi được tệp %1.</source>
        <translation>Could not write the file %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đã lưu tệp mẫu %1.</source>
        <translation>Saved the template %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nhập sáng kiến từ Excel</source>
        <translation>Import initiatives from Excel</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+30"/>
        <source>Đang đọc %1…</source>
        <translation>Reading %1…</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>sáng kiến</source>
        <translation>initiatives</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+30"/>
        <source>Chưa nhập gì từ %1.</source>
        <translation>Nothing was imported from %1.</translation>
    </message>
    <message numerus="yes">
        <location line="-23"/>
        <source>Đang nhập %n sáng kiến…</source>
        <translation>
            <numerusform>Importing %n initiative…</numerusform>
            <numerusform>Importing %n initiatives…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã nhập %1 sáng kiến mới, cập nhật %2 sáng kiến từ %3.</source>
        <translation>Imported %1 new initiatives and updated %2 from %3.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nhập đoàn viên từ Excel</source>
        <translation>Import members from Excel</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>đoàn viên</source>
        <translation>members</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Đang nhập %n đoàn viên…</source>
        <translation>
            <numerusform>Importing %n member…</numerusform>
            <numerusform>Importing %n members…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã nhập %1 đoàn viên mới, cập nhật %2 đoàn viên từ %3.</source>
        <translation>Imported %1 new members and updated %2 from %3.</translation>
    </message>
</context>
<context>
    <name>RewardDialog</name>
    <message>
        <location filename="../../sangkien_desktop/gui/screens/rewards.py" line="-73"/>
        <source>Thêm khen thưởng</source>
        <translation>Add reward</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Họ và tên, hoặc tên tập thể</source>
        <translation>Full name, or name of the group</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Để trống nếu không gắn với sáng kiến nào</source>
        <translation>Leave empty if not linked to an initiative</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Người / tập thể được khen:</source>
        <translation>Person / group rewarded:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mã sáng kiến:</source>
        <translation>Initiative code:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số quyết định:</source>
        <translation>Decision number:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày quyết định:</source>
        <translation>Decision date:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cấp khen thưởng:</source>
        <translation>Reward level:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hình thức:</source>
        <translation>Form:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số tiền thưởng:</source>
        <translation>Reward amount:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thêm</source>
        <translation>Add</translation>
    </message>
</context>
<context>
    <name>RewardDialogs</name>
    <message>
        <location line="-42"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Đã in xong</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Xem trước và in</source>
        <translation>Preview and print</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mở tệp PDF</source>
        <translation>Open PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>RewardsScreen</name>
    <message>
        <location line="+19"/>
        <source>Khen thưởng</source>
        <translation>Rewards</translation>
    </message>
    <message>
        <source>Khen thưởng của công đoàn cơ sở cho tác giả và tập thể (số quyết định, ngày, hình thức, số tiền). Chọn dòng để in giấy chứng nhận của các sáng kiến đó; không chọn dòng nào thì in cho mọi sáng kiến đã công nhận chưa có giấy.</source>
        <translation type="vanished">Rewards from the grassroots union to authors and groups (decision number, date, form, amount). Select rows to print certificates for those initiatives; with no rows selected, certificates are printed for every recognised initiative that has none yet.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Người / tập thể được khen</source>
        <translation>Person / group rewarded</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mã sáng kiến</source>
        <translation>Initiative code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tên sáng kiến</source>
        <translation>Initiative title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số quyết định</source>
        <translation>Decision number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cấp</source>
        <translation>Level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hình thức</source>
        <translation>Form</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số tiền</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Thêm khen thưởng…</source>
        <translation>Add reward…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In giấy chứng nhận…</source>
        <translation>Print certificates…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>In quyết định khen thưởng…</source>
        <translation>Print reward decision…</translation>
    </message>
    <message numerus="yes">
        <location line="+44"/>
        <source>%n khen thưởng</source>
        <translation>
            <numerusform>%n reward</numerusform>
            <numerusform>%n rewards</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source> — tổng tiền thưởng %1</source>
        <translation> — total reward amount %1</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Lưu giấy chứng nhận sáng kiến</source>
        <translation>Save initiative certificates</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Đang in giấy chứng nhận…</source>
        <translation>Printing certificates…</translation>
    </message>
    <message numerus="yes">
        <location line="-5"/>
        <source>Đã in %n giấy chứng nhận vào tệp %1.</source>
        <translation>
            <numerusform>Printed %n certificate to %1.</numerusform>
            <numerusform>Printed %n certificates to %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-146"/>
        <source>Khen thưởng của công đoàn cơ sở cho tác giả và tập thể (số quyết định, ngày, hình thức, số tiền). Chọn dòng để in giấy chứng nhận của các sáng kiến đó; không chọn dòng nào thì được hỏi có in cho mọi sáng kiến đã công nhận chưa có giấy không, với số giấy và các số sẽ cấp.</source>
        <translation>The grassroots union&apos;s rewards to authors and collectives (decision number, date, form, amount). Select rows to print those initiatives&apos; certificates; with no row selected you are asked whether to print for every recognised initiative without one, with the count and the numbers to be issued.</translation>
    </message>
    <message>
        <location line="+162"/>
        <source>Lưu quyết định khen thưởng</source>
        <translation>Save reward decision</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Đang in quyết định khen thưởng…</source>
        <translation>Printing reward decision…</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Đã in quyết định khen thưởng (%n dòng phụ lục) vào tệp %1.</source>
        <translation>
            <numerusform>Printed the reward decision (%n appendix line) to %1.</numerusform>
            <numerusform>Printed the reward decision (%n appendix lines) to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoleNames</name>
    <message>
        <location filename="../../sangkien_desktop/gui/permissions.py" line="+27"/>
        <source>Quản trị</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chủ tịch / Hội đồng</source>
        <translation>Chair / Council</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tổ hỗ trợ sáng kiến</source>
        <translation>Initiative support team</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chỉ xem</source>
        <translation>View only</translation>
    </message>
</context>
<context>
    <name>ServerPassword</name>
    <message>
        <location filename="../../sangkien_desktop/gui/app.py" line="-208"/>
        <source>Sáng Kiến Desktop</source>
        <translation>Sáng Kiến Desktop</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mật khẩu máy chủ cơ sở dữ liệu:</source>
        <translation>Database server password:</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../sangkien_desktop/gui/screens/settings.py" line="+65"/>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Công đoàn cơ sở</source>
        <translation>Grassroots union</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lưu thông tin đơn vị</source>
        <translation>Save unit details</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Người sử dụng</source>
        <translation>User</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Họ và tên, VD: Lê Minh Tâm</source>
        <translation>Full name, e.g. Lê Minh Tâm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lưu tên</source>
        <translation>Save name</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tên này được ghi vào lịch sử của mỗi thay đổi. Chưa có tài khoản người dùng: ai mở ứng dụng trên máy này cũng làm được mọi việc.</source>
        <translation>This name is recorded in the history of every change. There are no user accounts yet: anyone who opens the application on this computer can do everything.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tạo tài khoản…</source>
        <translation>Create accounts…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tạo tài khoản người quản trị và Chủ tịch; từ đó mỗi người đăng nhập bằng tài khoản của mình, với vai trò của mình.</source>
        <translation>Create the administrator and chair accounts; from then on everyone signs in with their own account and role.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Ngôn ngữ giao diện</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Áp dụng</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cửa sổ chính được mở lại bằng ngôn ngữ mới; hãy đóng các cửa sổ sáng kiến đang sửa trước.</source>
        <translation>The main window reopens in the new language; close any initiative you are editing first.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Dữ liệu</source>
        <translation>Data</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mở thư mục</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tệp dữ liệu</source>
        <translation>Database file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dung lượng</source>
        <translation>Size</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thư mục</source>
        <translation>Folder</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tệp đính kèm và bản sao lưu nằm trong thư mục này.</source>
        <translation>Attachments and backups are kept in this folder.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Chương trình đang áp dụng</source>
        <translation>Programme in use</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Chương trình</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Văn bản hướng dẫn</source>
        <translation>Guidance</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Áp dụng từ ngày đến ngày</source>
        <translation>Application window</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tỉ lệ tham gia tối thiểu</source>
        <translation>Minimum participation</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 số đoàn viên, người lao động</source>
        <translation>%1 of members and workers</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hạn trả lời đơn</source>
        <translation>Answer deadline</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n tháng kể từ khi nhận đơn</source>
        <translation>
            <numerusform>%n month after receiving the application</numerusform>
            <numerusform>%n months after receiving the application</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tệp hồ sơ chương trình</source>
        <translation>Programme profile file</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Giai đoạn</source>
        <translation>Phase</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sáng kiến đủ điều kiện</source>
        <translation>Initiatives eligible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cập nhật lên Cổng</source>
        <translation>Portal updates</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chỉ tiêu toàn quốc</source>
        <translation>Nationwide target</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 đến %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Các ngày và chỉ tiêu lấy từ hồ sơ chương trình, không sửa ở đây. Một đợt sau của chương trình là một tệp hồ sơ mới.</source>
        <translation>Dates and targets come from the programme profile and are not edited here. A later round of the programme is a new profile file.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>trước 24:00 %1</source>
        <translation>before 24:00 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>trước %1</source>
        <translation>before %1</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Chỉ xem: vai trò %1 không được sửa thông tin đơn vị.</source>
        <translation>View only: the role %1 may not change the unit&apos;s details.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cần tên và mã đơn vị.</source>
        <translation>The unit&apos;s name and code are required.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Đã lưu lúc %1.</source>
        <translation>Saved at %1.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Đã lưu.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Đã lưu. Các cửa sổ mở từ bây giờ dùng ngôn ngữ mới; toàn bộ ứng dụng đổi ngôn ngữ ở lần mở sau.</source>
        <translation>Saved. Windows opened from now on use the new language; the whole application switches at the next start.</translation>
    </message>
    <message>
        <location line="-238"/>
        <source>Phông chữ in văn bản</source>
        <translation>Document font</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Times New Roman khi máy có (nhúng vào tệp PDF), nếu không thì Liberation Serif kèm theo ứng dụng, cùng kích thước chữ.</source>
        <translation>Times New Roman when this PC has it (embedded in the PDF), otherwise the Liberation Serif shipped with the application, which has the same letter sizes.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../sangkien_desktop/gui/keys.py" line="+130"/>
        <source>Phím tắt</source>
        <extracomment>The keys that leave a search box for its results.</extracomment>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>↓ hoặc Enter</source>
        <translation>↓ or Enter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Từ ô tìm kiếm xuống danh sách kết quả</source>
        <translation>From a search box down to its results</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ô tìm kiếm</source>
        <translation>Search box</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Phím</source>
        <translation>Keys</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Việc</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cửa sổ</source>
        <translation>Window</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>SignInWait</name>
    <message numerus="yes">
        <location filename="../../sangkien_desktop/gui/login.py" line="-67"/>
        <source>Vui lòng chờ %n giây…</source>
        <extracomment>The time now; tests replace it (the core&apos;s ``now`` comes from it too).</extracomment>
        <translation>
            <numerusform>Please wait %n second…</numerusform>
            <numerusform>Please wait %n seconds…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SpreadsheetDialogs</name>
    <message>
        <location filename="../../sangkien_desktop/gui/spreadsheet_dialogs.py" line="-87"/>
        <source>Bảng tính Excel (*.xlsx *.xlsm)</source>
        <translation>Excel workbook (*.xlsx *.xlsm)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Bảng tính Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>StateDialog</name>
    <message>
        <location filename="../../sangkien_desktop/gui/dialogs.py" line="-130"/>
        <source>Chọn trạng thái…</source>
        <translation>Choose a state…</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Chuyển trạng thái</source>
        <translation>Change status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chuyển %1 sang trạng thái:</source>
        <translation>Move %1 to status:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 — %2/%3 chuyển được</source>
        <translation>%1 — %2 of %3 can move</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Mỗi sáng kiến được chuyển riêng; sáng kiến nào không chuyển được sẽ được liệt kê kèm lý do.</source>
        <translation>Each initiative moves on its own; any that cannot move are listed with the reason.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tiếp tục</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>TargetDelegate</name>
    <message>
        <location filename="../../sangkien_desktop/gui/screens/reports.py" line="-525"/>
        <source>Chưa đặt</source>
        <translation>Not set</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <location filename="../../sangkien_desktop/gui/tasks.py" line="+74"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang xử lý</source>
        <translation>Working</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Sáng Kiến Desktop</source>
        <translation>Sáng Kiến Desktop</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Đã xảy ra lỗi ngoài dự kiến. Dữ liệu đã lưu không bị ảnh hưởng.</source>
        <translation>An unexpected error occurred. Data already saved is not affected.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Chi tiết đã được ghi vào tệp nhật ký:
%1</source>
        <translation>The details are written to the log file:
%1</translation>
    </message>
</context>
<context>
    <name>UnitForm</name>
    <message>
        <location filename="../../sangkien_desktop/gui/first_run.py" line="-263"/>
        <source>VD: Công đoàn Công ty Cổ phần Cơ khí Đông Anh</source>
        <translation>e.g. Công đoàn Công ty Cổ phần Cơ khí Đông Anh</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VD: CDCS-CKDA</source>
        <translation>e.g. CDCS-CKDA</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mã riêng của đơn vị, ghi trên dữ liệu gửi công đoàn cấp trên.</source>
        <translation>The unit&apos;s own code, written on the data sent to the superior union.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>VD: Liên đoàn Lao động huyện Đông Anh</source>
        <translation>e.g. Liên đoàn Lao động huyện Đông Anh</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>VD: Liên đoàn Lao động thành phố Hà Nội</source>
        <translation>e.g. Liên đoàn Lao động thành phố Hà Nội</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>VD: Cụm thi đua số 3 – Khối doanh nghiệp</source>
        <translation>e.g. Cụm thi đua số 3 – Khối doanh nghiệp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VD: Hà Nội</source>
        <translation>e.g. Hà Nội</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tên công đoàn cơ sở *</source>
        <translation>Union name *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mã đơn vị *</source>
        <translation>Unit code *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Công đoàn cấp trên trực tiếp</source>
        <translation>Directly superior union</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LĐLĐ tỉnh, thành phố hoặc công đoàn ngành</source>
        <translation>Provincial federation or sector union</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cụm, khối thi đua</source>
        <translation>Emulation cluster or block</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chủ tịch công đoàn</source>
        <translation>Union chair</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Địa danh ghi trên văn bản</source>
        <translation>Place name on documents</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In trước ngày tháng: “Hà Nội, ngày 01 tháng 02 năm 2023”.</source>
        <translation>Printed before the date: “Hà Nội, ngày 01 tháng 02 năm 2023”.</translation>
    </message>
</context>
<context>
    <name>UnitPage</name>
    <message>
        <location line="+45"/>
        <source>Công đoàn cơ sở</source>
        <translation>Grassroots union</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bước 1/3. Thông tin này được in trên đơn, giấy chứng nhận và báo cáo; sửa được sau trong Cài đặt. Mục có dấu * là bắt buộc.</source>
        <translation>Step 1 of 3. These details are printed on applications, certificates and reports; you can change them later in Settings. Fields marked * are required.</translation>
    </message>
</context>
<context>
    <name>UploadDate</name>
    <message>
        <location filename="../../sangkien_desktop/gui/screens/export.py" line="+55"/>
        <source>Xác nhận đã lên Cổng</source>
        <translation>Confirm upload to portal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ngày lên Cổng</source>
        <translation>Date on the portal</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Xác nhận</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Các sáng kiến của gói số %1 còn ở trạng thái “Đã xuất gói” sẽ chuyển sang “Đã lên Cổng” với ngày:</source>
        <translation>Initiatives in bundle no. %1 still “Exported in a bundle” will change to “On the national portal” with the date:</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../sangkien_desktop/gui/accounts.py" line="+28"/>
        <source>Thêm tài khoản</source>
        <translation>Add account</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sửa tài khoản “%1”</source>
        <translation>Edit account “%1”</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhập lại mật khẩu</source>
        <translation>Repeat password</translation>
    </message>
</context>
<context>
    <name>WorkflowDialogs</name>
    <message>
        <location filename="../../sangkien_desktop/gui/dialogs.py" line="-202"/>
        <location line="+500"/>
        <source>Hủy</source>
        <extracomment>The workflow&apos;s order: a move to a state later in it is a step forward, earlier a step back. Up to this many initiatives move at once on the GUI thread (a move takes a few ms); more go through ``run_task`` with progress and cancel.</extracomment>
        <translation>Cancel</translation>
    </message>
    <message numerus="yes">
        <location line="-175"/>
        <source>Đã chuyển %n sáng kiến sang “%1”.</source>
        <translation>
            <numerusform>Moved %n initiative to “%1”.</numerusform>
            <numerusform>Moved %n initiatives to “%1”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n sáng kiến không chuyển được.</source>
        <translation>
            <numerusform>%n initiative could not be moved.</numerusform>
            <numerusform>%n initiatives could not be moved.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Đang chuyển %n sáng kiến…</source>
        <translation>
            <numerusform>Moving %n initiative…</numerusform>
            <numerusform>Moving %n initiatives…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Đã chuyển %1 sang “%2”.</source>
        <translation>Moved %1 to “%2”.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Đã dừng giữa chừng theo yêu cầu; các sáng kiến còn lại giữ nguyên.</source>
        <translation>Stopped part-way as requested; the remaining initiatives are unchanged.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Không có sáng kiến nào được chuyển.</source>
        <translation>No initiatives were moved.</translation>
    </message>
    <message>
        <location line="+139"/>
        <source>Đồng ý</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Nhập đoàn viên từ Excel</source>
        <translation>Import members from Excel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bảng tính Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
</context>
</TS>
