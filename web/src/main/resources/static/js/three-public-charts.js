// The two charts of the 三公 page, drawn with the ECharts the app serves (/webjars/echarts/…); the figures come
// from the page itself (data-charts, 万元).
(function () {
    var data = JSON.parse(document.getElementById('chart-data').dataset.charts);
    var font = { fontFamily: '"Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif', fontSize: 13 };
    var colors = ['#9b1c1c', '#1d4ed8', '#b7791f', '#2f855a', '#6b46c1'];
    // On a phone the labels go inside the pie and the category names wrap under the bars, so nothing is cut off.
    var narrow = window.innerWidth < 700;
    function wan(value) {
        return value === null || value === undefined ? '—' : Number(value).toFixed(2);
    }

    var pie = echarts.init(document.getElementById('chart-distribution'));
    pie.setOption({
        animation: false,
        color: colors,
        textStyle: font,
        tooltip: { trigger: 'item', formatter: function (p) { return p.name + '：' + wan(p.value) + ' 万元（' + p.percent + '%）'; } },
        legend: { bottom: 0, textStyle: font },
        series: [{
            type: 'pie',
            radius: ['0%', narrow ? '70%' : '62%'],
            center: ['50%', '45%'],
            label: narrow
                ? { position: 'inside', color: '#fff', formatter: function (p) { return wan(p.value); }, fontSize: 12 }
                : { formatter: function (p) { return p.name + '\n' + wan(p.value) + ' 万元（' + p.percent + '%）'; }, fontSize: 13 },
            data: data.slices
        }]
    });

    var bars = echarts.init(document.getElementById('chart-comparison'));
    bars.setOption({
        animation: false,
        color: ['#98a2b3', '#9b1c1c'],
        textStyle: font,
        tooltip: { trigger: 'axis' },
        legend: { bottom: 0, textStyle: font },
        grid: { left: narrow ? 36 : 50, right: narrow ? 8 : 20, top: 36, bottom: narrow ? 84 : 60 },
        xAxis: { type: 'category', data: data.categories,
                 axisLabel: narrow ? { interval: 0, fontSize: 11, width: 64, overflow: 'break' } : { interval: 0, fontSize: 12 } },
        yAxis: { type: 'value', name: '万元' },
        series: [
            { name: data.lastYearLabel, type: 'bar', data: data.lastYear, label: { show: true, position: 'top', formatter: function (p) { return wan(p.value); } } },
            { name: data.thisYearLabel, type: 'bar', data: data.thisYear, label: { show: true, position: 'top', formatter: function (p) { return wan(p.value); } } }
        ]
    });

    window.addEventListener('resize', function () {
        pie.resize();
        bars.resize();
    });
})();
