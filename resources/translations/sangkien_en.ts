<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi">
<context>
    <name></name>
    <message>
        <location filename="../../sangkien_desktop/gui/initiative_model.py" line="+40"/>
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
        <location line="+1"/>
        <source>Áp dụng từ</source>
        <translation>Applied since</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày công nhận</source>
        <translation>Recognised on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giá trị làm lợi</source>
        <translation>Economic benefit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lĩnh vực</source>
        <translation>Field</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Người hỗ trợ</source>
        <translation>Assigned to</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hạn xử lý</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cập nhật</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../sangkien_desktop/gui/screens/members.py" line="+75"/>
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
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../sangkien_desktop/gui/dialogs.py" line="+233"/>
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
        <source>Có hạn xử lý</source>
        <translation>Has a due date</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Người hỗ trợ</source>
        <translation>Assigned to</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <location filename="../../sangkien_desktop/gui/editor_attachments.py" line="+103"/>
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
        <location line="+97"/>
        <source>Đang chép tệp đính kèm vào thư mục dữ liệu…</source>
        <translation>Copying attachments into the data folder…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>“%1” trùng nội dung với “%2”</source>
        <translation>“%1” has the same content as “%2”</translation>
    </message>
    <message>
        <source>“%1” có cùng nội dung với “%2” đã đính kèm; không thêm lần nữa.</source>
        <translation type="vanished">“%1” has the same content as the attached “%2”; it was not added again.</translation>
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
        <location filename="../../sangkien_desktop/gui/editor_authors.py" line="+265"/>
        <source>chưa ghi</source>
        <translation>not given</translation>
    </message>
</context>
<context>
    <name>AuthorsModel</name>
    <message>
        <location line="-195"/>
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
        <source>Nơi công tác</source>
        <translation>Workplace</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chức danh</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Trình độ chuyên môn</source>
        <translation type="vanished">Qualification</translation>
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
        <location line="+137"/>
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
        <location line="+119"/>
        <source>Thêm tác giả</source>
        <translation>Add author</translation>
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
        <location line="+89"/>
        <source>Tác giả được công nhận: %1 · Tổng tỷ lệ đóng góp: %2</source>
        <translation>Credited author: %1 · Total contribution: %2</translation>
    </message>
</context>
<context>
    <name>BoardScreen</name>
    <message>
        <location filename="../../sangkien_desktop/gui/screens/board.py" line="+529"/>
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
        <location line="+51"/>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>Đọc lại từ cơ sở dữ liệu (F5)</source>
        <translation>Read again from the database (F5)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Người hỗ trợ</source>
        <translation>Assigned to</translation>
    </message>
    <message>
        <location line="+45"/>
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
        <location line="+25"/>
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
            <numerusform>Waiting to be sent for over %n day</numerusform>
            <numerusform>Waiting to be sent for over %n days</numerusform>
        </translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Thả để chuyển sang “%1”.</source>
        <translation>Drop to move to “%1”.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>sáng kiến</source>
        <translation>initiative</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Không được chuyển %1 từ “%2” sang “%3”.</source>
        <translation>%1 cannot move from “%2” to “%3”.</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <location line="+31"/>
        <source>%n sáng kiến</source>
        <translation>
            <numerusform>%n initiative</numerusform>
            <numerusform>%n initiatives</numerusform>
        </translation>
    </message>
    <message>
        <location line="-19"/>
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
        <location line="+9"/>
        <source>Giao người hỗ trợ…</source>
        <translation>Assign a helper…</translation>
    </message>
</context>
<context>
    <name>CardDelegate</name>
    <message>
        <location line="-463"/>
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
        <location line="-187"/>
        <source>+%n sáng kiến nữa — lọc để thu hẹp</source>
        <translation>
            <numerusform>+%n more initiative — filter to narrow down</numerusform>
            <numerusform>+%n more initiatives — filter to narrow down</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
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
        <location line="+284"/>
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
        <location filename="../../sangkien_desktop/gui/editor_widgets.py" line="+52"/>
        <source>chưa có</source>
        <translation>none</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gõ ngày dạng ngày/tháng/năm hoặc chọn trên lịch; Delete để xóa</source>
        <translation>Type the date as day/month/year or pick it on the calendar; Delete clears it</translation>
    </message>
</context>
<context>
    <name>EditorForm</name>
    <message>
        <location filename="../../sangkien_desktop/gui/editor_form.py" line="+103"/>
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
        <translation>Application and benefits</translation>
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
        <location line="+78"/>
        <source>Tự cấp khi lưu (SK-năm-số thứ tự)</source>
        <translation>Assigned on saving (SK-year-number)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tên sáng kiến như ghi trong đơn yêu cầu công nhận</source>
        <translation>The title as written on the application for recognition</translation>
    </message>
    <message>
        <location line="+4"/>
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
        <location line="+6"/>
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
        <location line="+12"/>
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
        <location line="+4"/>
        <source>Ví dụ: Hội đồng sáng kiến Công ty …</source>
        <translation>e.g. Hội đồng sáng kiến Công ty …</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="+142"/>
        <source>Chưa chọn</source>
        <translation>Not chosen</translation>
    </message>
    <message>
        <location line="-133"/>
        <source>Họ tên, chức vụ thủ trưởng đơn vị ứng dụng</source>
        <translation>Name and position of the head of the applying unit</translation>
    </message>
    <message>
        <location line="+5"/>
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
        <location line="+3"/>
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
        <location line="+7"/>
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
        <location line="+32"/>
        <source>Thời điểm</source>
        <translation>When</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Từ trạng thái</source>
        <translation>From status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sang trạng thái</source>
        <translation>To status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Người thực hiện</source>
        <translation>By</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+42"/>
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
    <message>
        <location line="+54"/>
        <source>(mới tạo)</source>
        <translation>(new)</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <location filename="../../sangkien_desktop/gui/editor_findings.py" line="+153"/>
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
        <location line="+4"/>
        <location line="+3"/>
        <location line="+2"/>
        <source>chưa xác định</source>
        <translation>not determined</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Được công nhận cho: %1&lt;br&gt;Ngày đủ điều kiện: %2&lt;br&gt;Giai đoạn: %3</source>
        <translation>Credited to: %1&lt;br&gt;Eligible on: %2&lt;br&gt;Phase: %3</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../sangkien_desktop/gui/first_run.py" line="+329"/>
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
        <location line="+24"/>
        <source>Đang thêm đoàn viên…</source>
        <translation>Adding members…</translation>
    </message>
</context>
<context>
    <name>InitiativeEditor</name>
    <message>
        <location filename="../../sangkien_desktop/gui/editor.py" line="+102"/>
        <location line="+72"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>Lưu sáng kiến (Ctrl+S)</source>
        <translation>Save the initiative (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+72"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Kiểm tra hồ sơ</source>
        <translation>Dossier check</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Mục sau</source>
        <translation>Next section</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mục trước</source>
        <translation>Previous section</translation>
    </message>
    <message>
        <location line="+21"/>
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
        <location line="+73"/>
        <source>%1 lỗi, %2 lưu ý</source>
        <translation>%1 errors, %2 warnings</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Đã lưu %1 lúc %2.</source>
        <translation>Saved %1 at %2.</translation>
    </message>
    <message>
        <source>Tên sáng kiến</source>
        <translation type="vanished">Initiative title</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation type="vanished">Kind</translation>
    </message>
</context>
<context>
    <name>InitiativesScreen</name>
    <message>
        <location filename="../../sangkien_desktop/gui/screens/initiatives.py" line="+54"/>
        <source>Tìm theo mã, tên sáng kiến, tác giả — gõ có dấu hoặc không dấu (Ctrl+F)</source>
        <translation>Search by code, title or author — with or without diacritics (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mọi trạng thái</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+3"/>
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
        <location line="+2"/>
        <source>Cột</source>
        <translation>Columns</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Tìm</source>
        <translation>Find</translation>
    </message>
    <message numerus="yes">
        <location line="+60"/>
        <location line="+5"/>
        <location line="+56"/>
        <source>%n sáng kiến</source>
        <translation>
            <numerusform>%n initiative</numerusform>
            <numerusform>%n initiatives</numerusform>
        </translation>
    </message>
    <message>
        <location line="-37"/>
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
        <location line="+5"/>
        <source>Thao tác</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thao tác với các sáng kiến đang chọn</source>
        <translation>Actions on the selected initiatives</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../sangkien_desktop/gui/main_window.py" line="+49"/>
        <source>Sáng Kiến Desktop</source>
        <translation>Sáng Kiến Desktop</translation>
    </message>
    <message>
        <location line="+10"/>
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
        <location line="+19"/>
        <source>Dữ liệu: %1</source>
        <translation>Data: %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Màn hình này đang được xây dựng.</source>
        <translation>This screen is under construction.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thêm sáng kiến</source>
        <translation>New initiative</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tìm sáng kiến</source>
        <translation>Find initiative</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Trợ &amp;giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>Giới thiệu</source>
        <translation>About</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sáng Kiến Desktop %1
Sổ sáng kiến của công đoàn cơ sở — Chương trình “01 triệu sáng kiến” (%2).</source>
        <translation>Sáng Kiến Desktop %1
The initiative register of a grassroots trade union — programme “01 triệu sáng kiến” (One million initiatives, %2).</translation>
    </message>
    <message numerus="yes">
        <location line="+49"/>
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
        <location filename="../../sangkien_desktop/gui/dialogs.py" line="+114"/>
        <source>Sửa đoàn viên</source>
        <translation>Edit member</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thêm đoàn viên</source>
        <translation>Add member</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(không ghi)</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Đang sinh hoạt</source>
        <translation>Active</translation>
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
    <message>
        <location line="+20"/>
        <source>Ngày sinh “%1” không phải ngày dạng dd/mm/yyyy.</source>
        <translation>Date of birth “%1” is not a date in the form dd/mm/yyyy.</translation>
    </message>
</context>
<context>
    <name>MemberTableModel</name>
    <message>
        <location filename="../../sangkien_desktop/gui/screens/members.py" line="+54"/>
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
        <location filename="../../sangkien_desktop/gui/first_run.py" line="-203"/>
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
    <message>
        <source>Không nhập được tệp này: %1 Hãy sửa tệp rồi chọn lại, hoặc bỏ qua.</source>
        <translation type="vanished">This file cannot be imported: %1 Correct the file and choose it again, or skip this step.</translation>
    </message>
</context>
<context>
    <name>MembersScreen</name>
    <message>
        <location filename="../../sangkien_desktop/gui/screens/members.py" line="+31"/>
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
        <location line="+66"/>
        <source>Xóa</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>Nhập từ Excel…</source>
        <translation>Import from Excel…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tệp .xlsx có dòng tiêu đề: Họ và tên, Ngày sinh, Giới tính, Phòng ban, Chức vụ, Trình độ, Đối tượng. Người trùng họ tên và ngày sinh được cập nhật.</source>
        <translation>An .xlsx file with a heading row: Họ và tên, Ngày sinh, Giới tính, Phòng ban, Chức vụ, Trình độ, Đối tượng. A person with the same name and date of birth is updated.</translation>
    </message>
    <message numerus="yes">
        <location line="+101"/>
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
        <location line="+31"/>
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
        <location filename="../../sangkien_desktop/gui/editor_widgets.py" line="+65"/>
        <source>chưa tính được</source>
        <translation>not quantified</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <location filename="../../sangkien_desktop/gui/dialogs.py" line="-316"/>
        <source>Chuyển sang “%1”</source>
        <translation>Move to “%1”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chuyển %1 sang “%2”.</source>
        <translation>Move %1 to “%2”.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Ngày Hội đồng nhận đơn</source>
        <translation>Date the council received the application</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ngày đã cập nhật lên Cổng</source>
        <translation>Date uploaded to the portal</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lý do Hội đồng không công nhận, theo văn bản trả lời</source>
        <translation>The council&apos;s reason for refusal, as in its written answer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lý do không công nhận</source>
        <translation>Reason for refusal</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="+149"/>
        <source>Kết quả chuyển trạng thái</source>
        <translation>Status change result</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>OverviewScreen</name>
    <message>
        <location filename="../../sangkien_desktop/gui/screens/overview.py" line="+46"/>
        <source>Đoàn viên đang sinh hoạt</source>
        <translation>Active members</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tổng giá trị làm lợi</source>
        <translation>Total economic benefit</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../sangkien_desktop/gui/screens/settings.py" line="+58"/>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Công đoàn cơ sở</source>
        <translation>Grassroots union</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lưu thông tin đơn vị</source>
        <translation>Save unit details</translation>
    </message>
    <message>
        <location line="+12"/>
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
        <source>Tên này được ghi vào lịch sử của mỗi thay đổi. Tài khoản, vai trò và mật khẩu sẽ có trong một bản sau.</source>
        <translation>This name is recorded in the history of every change. Accounts, roles and passwords come in a later version.</translation>
    </message>
    <message>
        <location line="+10"/>
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
        <location line="+7"/>
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
        <source>Giai đoạn %1</source>
        <translation type="vanished">Phase %1</translation>
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
        <location line="+28"/>
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
        <location line="+11"/>
        <source>Đã lưu. Các cửa sổ mở từ bây giờ dùng ngôn ngữ mới; toàn bộ ứng dụng đổi ngôn ngữ ở lần mở sau.</source>
        <translation>Saved. Windows opened from now on use the new language; the whole application switches at the next start.</translation>
    </message>
</context>
<context>
    <name>StateDialog</name>
    <message>
        <location filename="../../sangkien_desktop/gui/dialogs.py" line="-121"/>
        <source>Chuyển trạng thái</source>
        <translation>Change status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chuyển %1 sang trạng thái:</source>
        <translation>Move %1 to status:</translation>
    </message>
    <message>
        <location line="+7"/>
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
    <name>Task</name>
    <message>
        <location filename="../../sangkien_desktop/gui/tasks.py" line="+69"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang xử lý</source>
        <translation>Working</translation>
    </message>
</context>
<context>
    <name>UnitForm</name>
    <message>
        <location filename="../../sangkien_desktop/gui/first_run.py" line="-262"/>
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
        <location line="+3"/>
        <source>VD: Liên đoàn Lao động huyện Đông Anh</source>
        <translation>e.g. Liên đoàn Lao động huyện Đông Anh</translation>
    </message>
    <message>
        <location line="+3"/>
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
    <name>UserPage</name>
    <message>
        <location line="+16"/>
        <source>Người sử dụng</source>
        <translation>User</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bước 2/3. Ai đang dùng ứng dụng trên máy này?</source>
        <translation>Step 2 of 3. Who uses the application on this computer?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Họ và tên, VD: Lê Minh Tâm</source>
        <translation>Full name, e.g. Lê Minh Tâm</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Họ và tên *</source>
        <translation>Full name *</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tên này được ghi vào lịch sử của mỗi sáng kiến: ai thêm, ai sửa, ai chuyển trạng thái. Hiện ứng dụng chỉ cần tên; tài khoản, vai trò và mật khẩu sẽ có trong một bản sau. Đổi tên được trong Cài đặt.</source>
        <translation>This name is recorded in the history of every initiative: who added it, who edited it, who changed its status. For now the application needs only a name; accounts, roles and passwords come in a later version. You can change the name in Settings.</translation>
    </message>
</context>
<context>
    <name>box</name>
    <message>
        <location filename="../../sangkien_desktop/gui/tasks.py" line="+71"/>
        <source>Sáng Kiến Desktop</source>
        <translation>Sáng Kiến Desktop</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Đã xảy ra lỗi ngoài dự kiến. Dữ liệu đã lưu không bị ảnh hưởng.</source>
        <translation>An unexpected error occurred. Data already saved is not affected.</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../sangkien_desktop/gui/dialogs.py" line="-131"/>
        <source>Hủy</source>
        <extracomment>Up to this many initiatives move at once on the GUI thread (a move takes a few ms); more go through ``run_task`` with progress and cancel.</extracomment>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../sangkien_desktop/gui/editor_attachments.py" line="-128"/>
        <source>Chọn tệp đính kèm</source>
        <translation>Choose attachments</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tài liệu và hình ảnh (*.pdf *.doc *.docx *.xls *.xlsx *.odt *.jpg *.jpeg *.png);;Mọi tệp (*)</source>
        <translation>Documents and images (*.pdf *.doc *.docx *.xls *.xlsx *.odt *.jpg *.jpeg *.png);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../sangkien_desktop/gui/editor.py" line="+24"/>
        <source>Sáng Kiến Desktop</source>
        <translation>Sáng Kiến Desktop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sáng kiến %1 có thay đổi chưa lưu.</source>
        <translation>Initiative %1 has unsaved changes.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lưu trước khi đóng?</source>
        <translation>Save before closing?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không lưu</source>
        <translation>Don&apos;t save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>
