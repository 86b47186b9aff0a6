"""Where a Vietnamese phrase may begin and end: syllables that belong together.

Vietnamese writes one syllable per space-separated token, so "hội đồng nhân dân" is four tokens and a
phrase cut after "nhân" is a fragment. Without a word segmenter, two sources say that two syllables
belong together (a *bound pair*):

* :data:`BOUND`, the pairs of common words of administrative and political texts;
* the text itself (:func:`text_pairs`): a pair that occurs at least twice and makes up at least half
  of the occurrences of its rarer syllable ("nhân dân" in a text that says "Ủy ban nhân dân" often).

A phrase must not start or end inside a bound pair (:func:`cuts_word`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from checker.text.normalize import fold

# Words written with hyphens between syllables (folded: lower case, new-style tone marks).
_WORDS = """
an-ninh an-toàn bản-lĩnh báo-chí bảo-vệ biên-giới biển-đảo biến-đổi bình-đẳng bộ-máy cá-nhân cải-cách
cán-bộ cảnh-giác chiến-lược chính-phủ chính-quyền chính-sách chính-trị chủ-nghĩa chủ-quyền chủ-tịch
chuyên-môn chuyển-đổi chương-trình công-an công-dân công-đoàn công-nghệ công-nghiệp cộng-đồng cộng-sản
cơ-chế cơ-sở cử-tri dân-chủ dân-số dân-tộc dân-vận di-sản di-tích doanh-nghiệp du-lịch dư-luận dịch-vụ
đại-biểu đại-hội đảng-viên đào-tạo đất-nước đầu-tư địa-bàn đoàn-kết đoàn-viên đối-ngoại đối-tác đồng-bào
đời-sống đường-lối gia-đình giá-trị giải-pháp giáo-dục giao-lưu giám-sát hành-chính hiến-pháp hiệp-thương
hình-ảnh hòa-bình hoạt-động học-tập hội-đồng hội-nghị hội-nhập hợp-tác hữu-nghị khiếu-nại khen-thưởng
khoa-học kiều-bào kinh-doanh kinh-tế kỷ-niệm lãnh-đạo lãnh-thổ lịch-sử lực-lượng luận-điệu
ma-túy mạng-lưới mặt-trận môi-trường nạn-nhân ngân-sách nghị-quyết nghệ-thuật ngoại-giao người-dân
nhà-nước nhân-dân nhân-quyền nông-thôn nông-nghiệp phản-bác phản-động pháp-luật pháp-lý phát-thanh
phát-triển phong-trào phòng-chống quảng-bá quân-đội quân-sự quần-chúng quốc-gia quốc-hội quốc-phòng
quốc-tế quyền-lợi sản-phẩm sáng-tạo sức-khỏe tài-chính tài-nguyên thanh-niên thành-phố thành-tựu
thế-giới thể-thao thi-đua thị-trấn thị-xã thiên-tai thủ-tục thương-mại tỉnh-ủy tố-cáo tổ-quốc
tôn-giáo truyền-hình truyền-thông truyền-thống trung-ương tuyên-giáo tư-tưởng tư-pháp văn-hóa văn-minh
việc-làm vi-phạm vững-chắc xuất-khẩu xuyên-tạc y-tế con-người thù-địch sai-trái
liên-hợp-quốc hồ-chí-minh hội-đồng-nhân-dân ủy-ban-nhân-dân mặt-trận-tổ-quốc việt-nam biển-đông
hoàng-sa trường-sa cộng-hòa xã-hội-chủ-nghĩa đồng-chí bầu-cử ứng-cử đề-cử thủ-đô thông-tin
năng-lực chất-lượng số-hóa điện-tử trực-tuyến kỹ-thuật hạ-tầng dữ-liệu tín-ngưỡng thiểu-số nước-ngoài
quan-hệ láng-giềng toàn-cầu khu-vực diễn-đàn triển-lãm biểu-diễn sự-kiện ngày-lễ truyền-thanh
nhiệm-kỳ chủ-tọa biên-bản danh-sách hồ-sơ tài-liệu tiếp-xúc vận-động tiếp-công-dân đơn-thư
toàn-quốc chủ-đề nổi-bật nhân-văn thuận-lợi tái-cử thói-quen căn-cứ cấp-ủy quan-điểm lập-trường
tranh-chấp thế-lực định-hướng tình-hình nắm-bắt tuyên-truyền thông-điệp xu-hướng hiện-đại đa-dạng
phương-tiện phương-châm phương-thức phương-án nội-dung mục-tiêu mục-đích nhiệm-vụ trách-nhiệm
chỉ-đạo lãnh-đạo điều-hành quản-lý tổ-chức thực-hiện triển-khai kiểm-tra đánh-giá sơ-kết tổng-kết
báo-cáo kế-hoạch hướng-dẫn quyết-định chỉ-thị kết-luận thông-báo công-văn tờ-trình thông-tri
phối-hợp tham-mưu đề-xuất kiến-nghị ý-kiến thảo-luận thống-nhất thỏa-thuận hiệp-định cam-kết
hội-thảo tọa-đàm tập-huấn bồi-dưỡng giới-thiệu ứng-viên người-ứng-cử cử-tri bỏ-phiếu kiểm-phiếu
khu-vực-bỏ-phiếu tổ-bầu-cử ban-bầu-cử ủy-ban-bầu-cử niêm-yết khiếu-nại tố-cáo giải-quyết
cai-nghiện tội-phạm buôn-bán vận-chuyển tàng-trữ sử-dụng phòng-ngừa ngăn-chặn đấu-tranh trấn-áp
cải-cách-hành-chính thủ-tục-hành-chính dịch-vụ-công một-cửa liên-thông chỉ-số hài-lòng chính-phủ-số
kinh-tế-số xã-hội-số chuyển-đổi-số nền-tảng ứng-dụng phần-mềm cổng-thông-tin trang-thông-tin
mạng-xã-hội không-gian-mạng an-ninh-mạng báo-điện-tử phóng-sự tin-bài chuyên-mục chuyên-trang
thời-sự dư-luận-xã-hội quốc-phòng-toàn-dân an-ninh-nhân-dân biên-phòng hải-quân cảnh-sát
ngư-dân ngư-nghiệp khai-thác hải-sản bảo-tồn tài-nguyên-biển thủy-sản vùng-biển thềm-lục-địa
đặc-quyền kinh-tế-biển luật-biển công-ước hiến-chương tự-do hàng-hải hàng-không
ngoại-giao-nhà-nước đối-ngoại-nhân-dân đối-ngoại-đảng hội-nhập-quốc-tế song-phương đa-phương
láng-giềng đối-tác-chiến-lược toàn-diện hữu-nghị truyền-thống đoàn-kết-quốc-tế
quyền-con-người nhân-quyền tự-do-tôn-giáo tín-ngưỡng dân-tộc-thiểu-số vùng-sâu vùng-xa biên-giới
miền-núi hải-đảo vùng-đồng-bào nông-thôn-mới giảm-nghèo bền-vững an-sinh phúc-lợi bảo-hiểm
y-tế giáo-dục đào-tạo khoa-học-công-nghệ đổi-mới-sáng-tạo khởi-nghiệp doanh-nhân nhà-đầu-tư
thu-hút-đầu-tư xúc-tiến thương-mại xuất-nhập-khẩu xuất-nhập-cảnh du-khách điểm-đến lữ-hành
di-sản-văn-hóa lễ-hội phong-tục tập-quán ẩm-thực làng-nghề nghệ-nhân văn-nghệ văn-học điện-ảnh
âm-nhạc mỹ-thuật thư-viện bảo-tàng di-tích-lịch-sử danh-lam thắng-cảnh
người-việt-nam-ở-nước-ngoài kiều-bào cộng-đồng-người-việt tiếng-việt
thanh-niên phụ-nữ cựu-chiến-binh nông-dân công-nhân trí-thức văn-nghệ-sĩ nhà-báo phóng-viên
biên-tập-viên tuyên-truyền-viên báo-cáo-viên cộng-tác-viên chuyên-gia
hồ-chí-minh tư-tưởng-hồ-chí-minh chủ-nghĩa-mác-lênin chủ-nghĩa-xã-hội độc-lập dân-tộc
đại-đoàn-kết niềm-tin đồng-thuận ổn-định an-ninh-chính-trị trật-tự an-toàn-xã-hội
sai-sự-thật thông-tin-xấu-độc xấu-độc tin-giả luận-điệu-sai-trái quan-điểm-sai-trái
diễn-biến-hòa-bình tự-diễn-biến tự-chuyển-hóa suy-thoái bảo-vệ-nền-tảng nền-tảng-tư-tưởng
biến-đổi-khí-hậu khí-hậu thiên-tai dịch-bệnh môi-trường phát-thải tăng-trưởng-xanh
kinh-tế-xanh kinh-tế-tuần-hoàn năng-lượng tái-tạo hạ-tầng giao-thông đô-thị công-nghiệp-hóa
hiện-đại-hóa sản-xuất kinh-doanh thị-trường hàng-hóa nông-sản sản-phẩm-ocop
thi-đua-khen-thưởng khen-thưởng điển-hình tiên-tiến gương-người-tốt việc-tốt
chi-bộ đảng-bộ đảng-viên cơ-sở-đảng tổ-chức-đảng cấp-ủy-đảng ban-thường-vụ ban-chấp-hành
bộ-chính-trị ban-bí-thư trung-ương-đảng quốc-hội chính-phủ thủ-tướng bộ-trưởng chủ-tịch
phó-chủ-tịch ủy-viên thường-trực bí-thư phó-bí-thư trưởng-ban phó-trưởng-ban giám-đốc
kinh-phí ngân-sách-nhà-nước dự-toán xã-hội-hóa nguồn-lực cơ-sở-vật-chất trang-thiết-bị
hiệu-quả chất-lượng kịp-thời thường-xuyên liên-tục sâu-rộng rộng-rãi đồng-bộ toàn-diện
hình-thức phong-phú sinh-động hấp-dẫn thiết-thực cụ-thể chi-tiết
sự-kiện-chính-trị ngày-lễ-lớn kỷ-niệm thành-lập chiến-thắng giải-phóng thống-nhất-đất-nước
quốc-khánh đại-hội-đảng đại-hội-đại-biểu-toàn-quốc kỷ-nguyên vươn-mình thịnh-vượng
vấn-đề quy-phạm văn-bản ven-biển điều-kiện tin-cậy tái-cử cương-vị vị-thế
tinh-gọn sắp-xếp sáp-nhập hợp-nhất bộ-máy hành-chính đơn-vị-hành-chính chính-quyền-địa-phương
"""


def _pairs_of(words: Iterable[str]) -> frozenset[tuple[str, str]]:
    pairs: set[tuple[str, str]] = set()
    for word in words:
        syllables = fold(word).split("-")
        pairs.update(zip(syllables, syllables[1:], strict=False))
    return frozenset(pairs)


BOUND = _pairs_of(_WORDS.split())


def text_pairs(chunks: Iterable[Sequence[str]]) -> frozenset[tuple[str, str]]:
    """The pairs a text binds: frequent together compared with their rarer syllable alone."""
    single: Counter[str] = Counter()
    double: Counter[tuple[str, str]] = Counter()
    for words in chunks:
        single.update(words)
        double.update(zip(words, words[1:], strict=False))
    return frozenset(pair for pair, n in double.items()
                     if n >= 2 and 2 * n >= min(single[pair[0]], single[pair[1]]))


def cuts_word(words: Sequence[str], start: int, end: int, bound: frozenset[tuple[str, str]]) -> bool:
    """True when ``words[start:end]`` starts or ends inside a bound pair (is a fragment of a word)."""
    if start > 0 and (words[start - 1], words[start]) in bound:
        return True
    return end < len(words) and (words[end - 1], words[end]) in bound
