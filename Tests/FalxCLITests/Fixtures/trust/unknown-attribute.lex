target headache: cephalalgia
target headache negative: no cephalalgia
